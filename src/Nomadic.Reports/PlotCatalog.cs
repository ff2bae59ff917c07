using Nomadic.Reports.Data;
using Nomadic.Results;

namespace Nomadic.Reports;

/// <summary>Chooses the plots that say something about an experiment.</summary>
internal static class PlotCatalog
{
    private const int HeatmapParameters = 4;

    public static IReadOnlyList<PlotImage> For(ExperimentResult result, IReadOnlyDictionary<string, double>? importances)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plots = new List<PlotImage> { result.PlotHistory(), result.PlotScoreDistribution() };
        if (importances is { Count: > 0 })
        {
            plots.Add(ExperimentPlots.PlotImportance(importances));
        }

        IReadOnlyList<string> names = result.HpSearchSpace.Names;
        plots.AddRange(names.Select(result.PlotParameterScores));
        plots.AddRange(names.Select(result.PlotSlice));
        string[] paired = [.. names.Take(HeatmapParameters)];
        for (int i = 0; i < paired.Length; i++)
        {
            for (int j = i + 1; j < paired.Length; j++)
            {
                if (!ExperimentPlotData.ParameterHeatmap(result, paired[i], paired[j]).IsEmpty)
                {
                    plots.Add(result.PlotParameterHeatmap(paired[i], paired[j]));
                }
            }
        }

        string[] numeric = [.. names.Where(n => ExperimentPlotData.ParameterScores(result, n).Axis.IsNumeric)];
        if (numeric.Length > 0)
        {
            plots.Add(result.PlotCorrelations());
        }

        if (names.Count > 0)
        {
            plots.Add(result.PlotParallelCoordinates());
        }

        if (numeric.Length >= 2)
        {
            plots.Add(result.PlotContour(numeric[0], numeric[1]));
        }

        if (result.RunResults.Any(r => r.IntermediateValues.Count > 0))
        {
            plots.Add(result.PlotIntermediateValues());
        }

        if (result.Objectives.Count > 0)
        {
            plots.Add(result.PlotParetoFront());
        }

        return plots;
    }
}
