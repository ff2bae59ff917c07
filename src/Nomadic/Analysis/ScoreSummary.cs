using Nomadic.Results;

namespace Nomadic.Analysis;

/// <summary>
/// Descriptive statistics of the score, or of a numeric metadata metric, over the completed runs of an experiment.
/// Build it with <see cref="ExperimentAnalysis.Summarize(ExperimentResult)"/>.
/// </summary>
/// <remarks>Statistics are NaN when there is no value (and the standard deviation when there is only one).</remarks>
public sealed record ScoreSummary
{
    /// <summary>Gets what is summarized: <c>score</c> or the metadata key.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the number of runs of the experiment.</summary>
    public int Count { get; init; }

    /// <summary>Gets the number of completed runs.</summary>
    public int Completed { get; init; }

    /// <summary>Gets the number of failed runs.</summary>
    public int Failed { get; init; }

    /// <summary>Gets the number of pruned runs.</summary>
    public int Pruned { get; init; }

    /// <summary>Gets the number of values summarized: completed runs with a finite value of the metric.</summary>
    public int ValueCount { get; init; }

    /// <summary>Gets the mean.</summary>
    public double Mean { get; init; } = double.NaN;

    /// <summary>Gets the sample standard deviation (n − 1 in the denominator).</summary>
    public double StandardDeviation { get; init; } = double.NaN;

    /// <summary>Gets the smallest value.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Gets the first quartile (linear interpolation, as NumPy's and pandas' default).</summary>
    public double Q25 { get; init; } = double.NaN;

    /// <summary>Gets the median.</summary>
    public double Median { get; init; } = double.NaN;

    /// <summary>Gets the third quartile.</summary>
    public double Q75 { get; init; } = double.NaN;

    /// <summary>Gets the largest value.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>Summarizes a metric of the completed runs of <paramref name="runs"/>.</summary>
    internal static ScoreSummary Of(string metric, IReadOnlyList<RunResult> runs, Func<RunResult, double?> value)
    {
        double[] values = [.. runs.Where(r => r.Status == RunStatus.Completed).Select(value).Where(v => v is double d && double.IsFinite(d)).Select(v => v!.Value)];
        var summary = new ScoreSummary
        {
            Metric = metric,
            Count = runs.Count,
            Completed = runs.Count(r => r.Status == RunStatus.Completed),
            Failed = runs.Count(r => r.Status == RunStatus.Failed),
            Pruned = runs.Count(r => r.Status == RunStatus.Pruned),
            ValueCount = values.Length,
        };
        if (values.Length == 0)
        {
            return summary;
        }

        Array.Sort(values);
        double mean = values.Average();
        return summary with
        {
            Mean = mean,
            StandardDeviation = values.Length < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)),
            Min = values[0],
            Q25 = Quantiles.OfSorted(values, 0.25),
            Median = Quantiles.OfSorted(values, 0.5),
            Q75 = Quantiles.OfSorted(values, 0.75),
            Max = values[^1],
        };
    }
}
