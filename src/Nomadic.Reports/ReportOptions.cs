namespace Nomadic.Reports;

/// <summary>What an HTML report contains besides the runs: a title, importances, statistics, and how plots are embedded.</summary>
public sealed class ReportOptions
{
    /// <summary>Gets the report's title.</summary>
    /// <value>The default is <see langword="null"/>: the experiment's name, or "Experiment report".</value>
    public string? Title { get; init; }

    /// <summary>Gets parameter importances to show as a table and a bar chart.</summary>
    /// <value>The default is <see langword="null"/>: computed with fANOVA when <see cref="Analyze"/> is set.</value>
    public IReadOnlyDictionary<string, double>? Importance { get; init; }

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
}
