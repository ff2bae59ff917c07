using System.Reflection;
using Nomadic.Reports;

namespace Nomadic.Testing;

/// <summary>
/// The families of plot the library draws: every public method drawing one plot, with the prefix of the names of
/// the plots it draws (shared by the test projects that check a page shows every family).
/// </summary>
public static class PlotFamilies
{
    /// <summary>The prefix of the plot names of each public plotting method; a new method is missing here until listed.</summary>
    public static IReadOnlyDictionary<string, string> Prefixes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ExperimentPlots.PlotHistory)] = "history",
        [nameof(ExperimentPlots.PlotScoreDistribution)] = "score-distribution",
        [nameof(ExperimentPlots.PlotIntermediateValues)] = "intermediate-values",
        [nameof(ExperimentPlots.PlotImportance)] = "importance",
        [nameof(ExperimentPlots.PlotParameterScores)] = "params-",
        [nameof(ExperimentPlots.PlotSlice)] = "slice-",
        [nameof(ExperimentPlots.PlotParameterHeatmap)] = "heatmap-",
        [nameof(ExperimentPlots.PlotContour)] = "contour-",
        [nameof(ExperimentPlots.PlotCorrelations)] = "correlations",
        [nameof(ExperimentPlots.PlotParallelCoordinates)] = "parallel-coordinates",
        [nameof(ExperimentPlots.PlotParetoFront)] = "pareto-front",
    };

    /// <summary>The names of the public static methods of the reports library that return one plot, in order.</summary>
    public static string[] PublicPlotMethods() =>
        [.. typeof(PlotImage).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(PlotImage))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
