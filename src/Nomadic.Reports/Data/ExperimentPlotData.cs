using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>
/// Computes the data behind each plot from an experiment's runs: plain records a renderer draws, a page serves as
/// JSON, or a test checks. Failed runs have no score and appear only where noted.
/// </summary>
internal static class ExperimentPlotData
{
    /// <summary>Computes the histogram and density of the completed runs' scores.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The distribution.</returns>
    public static ScoreDistributionData ScoreDistribution(ExperimentResult result) => ScoreDistributionBuilder.Build(Check(result));

    /// <summary>Computes the scores of the completed runs against one parameter.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="parameter">A parameter of the search space.</param>
    /// <returns>The points, and per category the scores and their box summary.</returns>
    /// <exception cref="ArgumentException">The search space has no such parameter.</exception>
    public static ParameterScoresData ParameterScores(ExperimentResult result, string parameter) => ParameterScoresBuilder.Build(Check(result), parameter);

    /// <summary>Computes the mean score of each combination of two parameters' values.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="x">The parameter along the columns.</param>
    /// <param name="y">The parameter along the rows.</param>
    /// <returns>The grid of means and counts.</returns>
    /// <exception cref="ArgumentException">The search space has no such parameter.</exception>
    public static ParameterHeatmapData ParameterHeatmap(ExperimentResult result, string x, string y) => ParameterHeatmapBuilder.Build(Check(result), x, y);

    /// <summary>Computes the correlations between the numeric parameters and the score.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The correlation matrix.</returns>
    public static CorrelationData Correlations(ExperimentResult result) => CorrelationBuilder.Build(Check(result));

    /// <summary>Computes the optimization history: each run's score in run order and the best so far.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The history; pruned runs are included with their last value, failed runs left out.</returns>
    public static HistoryData History(ExperimentResult result) => HistoryBuilder.Build(Check(result));

    /// <summary>Computes the parallel coordinates of the completed runs.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The axes and lines.</returns>
    public static ParallelCoordinatesData ParallelCoordinates(ExperimentResult result) => ParallelCoordinatesBuilder.Build(Check(result));

    /// <summary>Computes the score surface over two numeric parameters.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="x">The horizontal parameter.</param>
    /// <param name="y">The vertical parameter.</param>
    /// <returns>The interpolated grid and the observed runs.</returns>
    /// <exception cref="ArgumentException">A parameter is unknown or categorical.</exception>
    public static ContourData Contour(ExperimentResult result, string x, string y) => ContourBuilder.Build(Check(result), x, y);

    /// <summary>Computes the learning curves of the runs that reported intermediate values.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The curves, pruned and completed runs alike (failed runs too, when they reported values).</returns>
    public static IntermediateValuesData IntermediateValues(ExperimentResult result)
    {
        Check(result);
        return new IntermediateValuesData([.. Enumerable.Range(0, result.Count)
            .Where(i => result.RunResults[i].IntermediateValues.Count > 0)
            .Select(i => new RunCurve(RunNumbers.Of(result, i), result.RunResults[i].Status, result.RunResults[i].IntermediateValues))]);
    }

    /// <summary>Computes the runs in the plane of two objectives, with the Pareto front marked.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="x">The horizontal objective (<c>score</c> or an objective's name); the default is <c>score</c>.</param>
    /// <param name="y">The vertical objective; the default is the first objective besides the score.</param>
    /// <returns>The points.</returns>
    /// <exception cref="InvalidOperationException">The experiment has no objective besides the score.</exception>
    /// <exception cref="ArgumentException">A name is not one of the experiment's objectives.</exception>
    public static ParetoData ParetoFront(ExperimentResult result, string? x = null, string? y = null) => ParetoBuilder.Build(Check(result), x, y);

    /// <summary>Sorts parameter importances for a bar chart, most important first (ties by name).</summary>
    /// <param name="importances">Importance per parameter, as computed elsewhere; non-finite values are left out.</param>
    /// <returns>The bars.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="importances"/> is null.</exception>
    public static IReadOnlyList<ImportanceBar> Importance(IReadOnlyDictionary<string, double> importances)
    {
        ArgumentNullException.ThrowIfNull(importances);
        return [.. importances.Where(p => double.IsFinite(p.Value))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ImportanceBar(p.Key, p.Value))];
    }

    private static ExperimentResult Check(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result;
    }
}
