using Nomadic.Results;

namespace Nomadic.Experiments;

/// <summary>Combines the repetitions of a run (<see cref="ExperimentOptions.Repeats"/>) into one: the mean score, with the spread in its metadata.</summary>
internal static class RepeatedScores
{
    public const string Mean = "score_mean";
    public const string Median = "score_median";
    public const string StandardDeviation = "score_std";
    public const string Values = "score_values";

    /// <summary>Builds the run from its repetitions' scores and its last repetition's outcome (metadata, reports).</summary>
    public static RunResult Combine(IReadOnlyList<double> scores, RunResult last)
    {
        double mean = scores.Average();
        var metadata = new Dictionary<string, object?>(last.Metadata, StringComparer.Ordinal)
        {
            [Mean] = mean,
            [Median] = MedianOf(scores),
            [StandardDeviation] = SampleStandardDeviation(scores, mean),
            [Values] = scores.ToList(),
        };
        return new RunResult(mean, last.Params, metadata) { IntermediateValues = last.IntermediateValues };
    }

    private static double MedianOf(IReadOnlyList<double> scores)
    {
        double[] sorted = [.. scores];
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // The sample (n - 1) standard deviation: repetitions are a sample of the objective's noise.
    private static double SampleStandardDeviation(IReadOnlyList<double> scores, double mean)
    {
        if (scores.Count < 2)
        {
            return 0;
        }

        double squares = scores.Sum(s => (s - mean) * (s - mean));
        return Math.Sqrt(squares / (scores.Count - 1));
    }
}
