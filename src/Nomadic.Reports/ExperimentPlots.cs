using Nomadic.Reports.Data;
using Nomadic.Reports.Rendering;
using Nomadic.Results;

namespace Nomadic.Reports;

/// <summary>
/// Plots of an experiment's runs, each a <see cref="PlotImage"/> to render as PNG or SVG or save to a file. The data
/// behind each plot comes from <see cref="ExperimentPlotData"/>.
/// </summary>
public static class ExperimentPlots
{
    /// <summary>Plots the distribution of the completed runs' scores (histogram and density) with the baseline's score.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The plot, named <c>score-distribution</c>.</returns>
    public static PlotImage PlotScoreDistribution(this ExperimentResult result)
    {
        ScoreDistributionData data = ExperimentPlotData.ScoreDistribution(result);
        return PlotImage.Of("score-distribution", "Score distribution", () => DistributionRenderer.Draw(data, "Score distribution"));
    }

    /// <summary>Plots the score against one parameter: a box per value of a categorical one, a scatter for a numeric one (log axis for log domains).</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="parameter">A parameter of the search space.</param>
    /// <returns>The plot, named <c>params-&lt;parameter&gt;</c>.</returns>
    /// <exception cref="ArgumentException">The search space has no such parameter.</exception>
    public static PlotImage PlotParameterScores(this ExperimentResult result, string parameter)
    {
        ParameterScoresData data = ExperimentPlotData.ParameterScores(result, parameter);
        string title = $"Score by {parameter}";
        return PlotImage.Of("params-" + FileSafe(parameter), title, () => ParameterScoresRenderer.Draw(data, title));
    }

    /// <summary>Plots a slice: the score against one parameter, each run coloured by when it ran.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="parameter">A parameter of the search space.</param>
    /// <returns>The plot, named <c>slice-&lt;parameter&gt;</c>.</returns>
    /// <exception cref="ArgumentException">The search space has no such parameter.</exception>
    public static PlotImage PlotSlice(this ExperimentResult result, string parameter)
    {
        ParameterScoresData data = ExperimentPlotData.ParameterScores(result, parameter);
        string title = $"Slice: {parameter}";
        return PlotImage.Of("slice-" + FileSafe(parameter), title, () => SliceRenderer.Draw(data, title));
    }

    /// <summary>Plots the mean score of each combination of two parameters' values as a heatmap.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="x">The parameter along the columns.</param>
    /// <param name="y">The parameter along the rows.</param>
    /// <returns>The plot, named <c>heatmap-&lt;x&gt;-&lt;y&gt;</c>.</returns>
    /// <exception cref="ArgumentException">The search space has no such parameter.</exception>
    public static PlotImage PlotParameterHeatmap(this ExperimentResult result, string x, string y)
    {
        ParameterHeatmapData data = ExperimentPlotData.ParameterHeatmap(result, x, y);
        string title = $"Mean score by {x} and {y}";
        return PlotImage.Of($"heatmap-{FileSafe(x)}-{FileSafe(y)}", title, () =>
        {
            double[,] means = data.MeanScores.ToArray();
            return GridRenderer.Draw(title, x, y, means, data.XLabels, data.YLabels, GridColors.Sequential("mean score", means));
        });
    }

    /// <summary>Plots the correlations between the numeric parameters and the score.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The plot, named <c>correlations</c>.</returns>
    public static PlotImage PlotCorrelations(this ExperimentResult result)
    {
        CorrelationData data = ExperimentPlotData.Correlations(result);
        const string title = "Correlations (Pearson)";
        return PlotImage.Of("correlations", title, () =>
            GridRenderer.Draw(title, "", "", data.Coefficients.ToArray(), data.Names, data.Names, GridColors.Diverging("correlation"), firstRowOnTop: true));
    }

    /// <summary>Plots the optimization history: each run's score in run order and the best score so far.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The plot, named <c>history</c>.</returns>
    public static PlotImage PlotHistory(this ExperimentResult result)
    {
        HistoryData data = ExperimentPlotData.History(result);
        return PlotImage.Of("history", "Optimization history", () => HistoryRenderer.Draw(data, "Optimization history"));
    }

    /// <summary>Plots every completed run as a line across the score and the parameters, coloured by score.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The plot, named <c>parallel-coordinates</c>.</returns>
    public static PlotImage PlotParallelCoordinates(this ExperimentResult result)
    {
        ParallelCoordinatesData data = ExperimentPlotData.ParallelCoordinates(result);
        return PlotImage.Of("parallel-coordinates", "Parallel coordinates", () => ParallelCoordinatesRenderer.Draw(data, "Parallel coordinates"));
    }

    /// <summary>Plots the score surface over two numeric parameters, interpolated between the runs.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="x">The horizontal parameter.</param>
    /// <param name="y">The vertical parameter.</param>
    /// <returns>The plot, named <c>contour-&lt;x&gt;-&lt;y&gt;</c>.</returns>
    /// <exception cref="ArgumentException">A parameter is unknown or categorical.</exception>
    public static PlotImage PlotContour(this ExperimentResult result, string x, string y)
    {
        ContourData data = ExperimentPlotData.Contour(result, x, y);
        string title = $"Score over {x} and {y}";
        return PlotImage.Of($"contour-{FileSafe(x)}-{FileSafe(y)}", title, () => ContourRenderer.Draw(data, title));
    }

    /// <summary>Plots the intermediate values of the runs that reported them, pruned and completed runs apart.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The plot, named <c>intermediate-values</c>.</returns>
    public static PlotImage PlotIntermediateValues(this ExperimentResult result)
    {
        IntermediateValuesData data = ExperimentPlotData.IntermediateValues(result);
        return PlotImage.Of("intermediate-values", "Intermediate values", () => IntermediateValuesRenderer.Draw(data, "Intermediate values"));
    }

    /// <summary>Plots the runs in the plane of two objectives with the Pareto front.</summary>
    /// <param name="result">The experiment's runs; it must have <see cref="ExperimentResult.Objectives"/>.</param>
    /// <param name="x">The horizontal objective (<c>score</c> or an objective's name); the default is <c>score</c>.</param>
    /// <param name="y">The vertical objective; the default is the first objective besides the score.</param>
    /// <returns>The plot, named <c>pareto-front</c>.</returns>
    /// <exception cref="InvalidOperationException">The experiment has no objective besides the score.</exception>
    /// <exception cref="ArgumentException">A name is not one of the experiment's objectives.</exception>
    public static PlotImage PlotParetoFront(this ExperimentResult result, string? x = null, string? y = null)
    {
        ParetoData data = ExperimentPlotData.ParetoFront(result, x, y);
        return PlotImage.Of("pareto-front", "Pareto front", () => ParetoRenderer.Draw(data, "Pareto front"));
    }

    /// <summary>Plots parameter importances as horizontal bars, most important at the top.</summary>
    /// <param name="importances">Importance per parameter, as computed elsewhere.</param>
    /// <returns>The plot, named <c>importance</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="importances"/> is null.</exception>
    public static PlotImage PlotImportance(IReadOnlyDictionary<string, double> importances)
    {
        IReadOnlyList<ImportanceBar> bars = ExperimentPlotData.Importance(importances);
        return PlotImage.Of("importance", "Parameter importance", () => ImportanceRenderer.Draw(bars, "Parameter importance"));
    }

    /// <summary>
    /// Returns every plot that applies to the experiment, in report order: history, score distribution, importance
    /// (when given), score by each parameter, slices, pairwise heatmaps of the first four parameters (each pair that
    /// some completed run has both of: conditional parameters of different branches never meet), correlations
    /// (with a numeric parameter), parallel coordinates, a contour of the first two numeric parameters, intermediate
    /// values (when runs reported some) and the Pareto front (with several objectives).
    /// </summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="importances">Parameter importances to plot, if any.</param>
    /// <returns>The plots; their names are distinct.</returns>
    public static IReadOnlyList<PlotImage> PlotAll(this ExperimentResult result, IReadOnlyDictionary<string, double>? importances = null) =>
        PlotCatalog.For(result, importances);

    internal static string FileSafe(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
