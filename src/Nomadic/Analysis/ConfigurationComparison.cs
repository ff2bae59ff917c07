using Nomadic.Results;

namespace Nomadic.Analysis;

/// <summary>
/// The comparison of the best configuration with one other (the baseline or a runner-up) on per-item or repeated
/// scores. Build it with <see cref="ExperimentAnalysis.CompareBest"/> and its siblings.
/// </summary>
/// <remarks>
/// Unlike <see cref="SignificanceTest"/>, these comparisons are valid tests: they use evaluations within each run (items
/// or repetitions), not the selection of runs by score. The best run is still chosen by its score, so with many runs a
/// small optimistic bias remains; the Holm correction covers the several comparisons made, not that selection.
/// </remarks>
public sealed record ConfigurationComparison
{
    /// <summary>Gets what the best configuration is compared with: <c>baseline</c> or <c>runner-up 1</c>, <c>runner-up 2</c>, ….</summary>
    public required string Label { get; init; }

    /// <summary>Gets the best run.</summary>
    public RunResult? Best { get; init; }

    /// <summary>Gets the run compared with, or <see langword="null"/> when there is none (no baseline, too few runs).</summary>
    public RunResult? Other { get; init; }

    /// <summary>Gets what was compared.</summary>
    public ComparisonData Data { get; init; }

    /// <summary>Gets the number of items (paired) or of values of the two runs together (repeated) used; 0 when nothing was compared.</summary>
    public int SampleSize { get; init; }

    /// <summary>Gets the mean difference best − other (per item, or of the repeated scores' means); NaN when nothing was compared.</summary>
    public double MeanDifference { get; init; } = double.NaN;

    /// <summary>Gets the percentile bootstrap interval of the mean per-item difference; <see langword="null"/> without per-item scores.</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>Gets the rank test, or <see langword="null"/> when there is too little data for one.</summary>
    public RankTestResult? Test { get; init; }

    /// <summary>Gets the p-value after Holm's correction across the comparisons made together; NaN without a test.</summary>
    public double AdjustedPValue { get; init; } = double.NaN;

    /// <summary>Gets a value indicating whether the adjusted p-value is at most the significance level.</summary>
    public bool IsSignificant { get; init; }

    /// <summary>Gets the conclusion in plain words, or why no conclusion can be drawn.</summary>
    public required string Verdict { get; init; }
}
