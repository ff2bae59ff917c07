namespace Nomadic.AI.Evaluation;

/// <summary>The aggregate of the item scores of one evaluation: mean, spread and extremes.</summary>
/// <param name="Count">The number of items.</param>
/// <param name="Mean">The mean score.</param>
/// <param name="StandardDeviation">The sample standard deviation (0 for one item).</param>
/// <param name="Min">The lowest score.</param>
/// <param name="Max">The highest score.</param>
public sealed record EvaluationSummary(int Count, double Mean, double StandardDeviation, double Min, double Max)
{
    /// <summary>Aggregates item scores.</summary>
    /// <param name="scores">The scores, at least one.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">There are no scores.</exception>
    public static EvaluationSummary Of(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("There are no scores to summarize.", nameof(scores));
        }

        double mean = scores.Average();
        double std = scores.Count < 2 ? 0 : Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / (scores.Count - 1));
        return new EvaluationSummary(scores.Count, mean, std, scores.Min(), scores.Max());
    }
}
