namespace Nomadic.Results;

/// <summary>Finds the completed runs no other run dominates on the score and the extra objectives.</summary>
internal static class ParetoFrontSelector
{
    /// <summary>Returns the runs of the Pareto front, in the order of <paramref name="runs"/>.</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="direction">The score's direction.</param>
    /// <param name="objectives">The extra objectives; with none, the front is the run(s) with the best score.</param>
    /// <returns>The non-dominated runs among those comparable (completed, finite score and finite metrics).</returns>
    public static RunResult[] Select(IReadOnlyList<RunResult> runs, Direction direction, IReadOnlyList<ObjectiveMetric> objectives)
    {
        var comparable = new List<RunResult>(runs.Count);
        var points = new List<double[]>(runs.Count);
        foreach (RunResult run in runs)
        {
            if (ObjectiveVectors.Of(run, direction, objectives) is double[] point)
            {
                comparable.Add(run);
                points.Add(point);
            }
        }

        return [.. NonDominatedSorting.FirstFront(points).Select(i => comparable[i])];
    }
}
