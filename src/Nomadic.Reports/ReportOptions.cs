using Nomadic.Analysis;

namespace Nomadic.Reports;

/// <summary>What an HTML report contains besides the runs: a title, importances, statistics, and how plots are embedded.</summary>
public sealed class ReportOptions
{
    /// <summary>Gets the report's title.</summary>
    /// <value>The default is <see langword="null"/>: the experiment's name, or "Experiment report".</value>
    public string? Title { get; init; }

    /// <summary>Gets parameter importances by name to show as a table and a bar chart, when <see cref="ParameterImportances"/> is not set.</summary>
    /// <value>
    /// The default is <see langword="null"/>: computed with fANOVA when <see cref="Analyze"/> is set. A parameter that
    /// exists in only some runs is shown with the number of those runs, counted in the result.
    /// </value>
    public IReadOnlyDictionary<string, double>? Importance { get; init; }

    /// <summary>
    /// Gets parameter importances, as <see cref="ExperimentAnalysis.ParameterImportances"/> returns them, to show as a
    /// table and a bar chart; a conditional parameter is shown with its <see cref="ParameterImportance.RunCount"/>
    /// ("hybrid_alpha (in 11 of 30 runs)"). Takes the place of <see cref="Importance"/> when set.
    /// </summary>
    /// <value>The default is <see langword="null"/>: <see cref="Importance"/>, or computed with fANOVA when <see cref="Analyze"/> is set.</value>
    public IReadOnlyList<ParameterImportance>? ParameterImportances { get; init; }

    /// <summary>Gets statistics to show as a table.</summary>
    /// <value>The default is empty: computed (summary, best vs baseline and runners-up, top-n test) when <see cref="Analyze"/> is set.</value>
    public IReadOnlyList<ReportStatistic> Statistics { get; init; } = [];

    /// <summary>Gets a value indicating whether the report computes the statistics and importance not given.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Analyze { get; init; } = true;

    /// <summary>Gets a value indicating whether the report includes the plots.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludePlots { get; init; } = true;

    /// <summary>Gets how plots are embedded.</summary>
    /// <value>The default value is <see cref="ReportImageFormat.Png"/>.</value>
    public ReportImageFormat ImageFormat { get; init; } = ReportImageFormat.Png;

    // The importance per parameter the report shows, from whichever of the two properties is set.
    internal IReadOnlyDictionary<string, double>? ImportanceValues() =>
        ParameterImportances?.ToDictionary(p => p.Name, p => p.Importance, StringComparer.Ordinal) ?? Importance;
}
