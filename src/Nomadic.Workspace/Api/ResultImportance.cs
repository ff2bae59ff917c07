using Nomadic.Analysis;
using Nomadic.Reports;
using Nomadic.Results;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Parameter importance as the dashboard and the plot endpoints show it: only when there is enough data for the
/// estimate to mean something, otherwise nothing at all.
/// </summary>
internal static class ResultImportance
{
    /// <summary>The fewest completed runs with a finite score the importance is computed from.</summary>
    public const int MinimumRuns = 8;

    /// <summary>The fewest varying parameters the importance is computed for (one parameter always explains all).</summary>
    public const int MinimumParameters = 2;

    /// <summary>The name of the importance plot among a result's plots.</summary>
    public const string PlotName = "importance";

    /// <summary>
    /// Returns the importances, most important first, or <see langword="null"/> when there is too little data; computed
    /// once per result (<see cref="ResultDerivations"/>).
    /// </summary>
    public static IReadOnlyList<ParameterImportance>? Compute(ExperimentResult result) => ResultDerivations.Of(result).Importance;

    /// <summary>Computes the importances as <see cref="Compute"/> returns them, every time.</summary>
    internal static IReadOnlyList<ParameterImportance>? ComputeNow(ExperimentResult result)
    {
        if (result.Summarize().ValueCount < MinimumRuns || result.HpSearchSpace.Names.Count < MinimumParameters)
        {
            return null;
        }

        IReadOnlyList<ParameterImportance> importances = result.ParameterImportances();
        return importances.Count >= MinimumParameters && importances.All(i => double.IsFinite(i.Importance)) ? importances : null;
    }

    /// <summary>Returns the importance plot, or <see langword="null"/> when there is too little data.</summary>
    public static PlotImage? Plot(ExperimentResult result) =>
        Compute(result) is { } importances ? ExperimentPlots.PlotImportance(ToDictionary(importances)) : null;

    /// <summary>Returns every plot of the result, the importance plot included when there is enough data.</summary>
    public static IReadOnlyList<PlotImage> AllPlots(ExperimentResult result) => ResultDerivations.Of(result).AllPlots;

    internal static Dictionary<string, double> ToDictionary(IReadOnlyList<ParameterImportance> importances) =>
        importances.ToDictionary(i => i.Name, i => i.Importance, StringComparer.Ordinal);
}
