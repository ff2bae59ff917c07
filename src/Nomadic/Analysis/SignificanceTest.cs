namespace Nomadic.Analysis;

/// <summary>
/// The comparison of the top n scores with the rest, as nomadic's <c>test_significance</c> reports it: a two-sided
/// Mann–Whitney U test and Cohen's d. Build it with <see cref="ExperimentAnalysis.TestSignificance"/>.
/// </summary>
/// <remarks>
/// <b>Descriptive only.</b> The two groups are chosen by the very scores being tested, so the top group is better by
/// construction and the p-value is small whenever there are enough runs, whether or not any configuration is truly
/// better. Read it as a description of how far the top stands out, not as evidence. For evidence, compare the best
/// configuration with the baseline or the runners-up on per-item or repeated scores
/// (<see cref="ExperimentAnalysis.CompareBest"/>).
/// </remarks>
public sealed record SignificanceTest
{
    /// <summary>Gets the number of top scores (n, or fewer when there are not enough runs).</summary>
    public int TopCount { get; init; }

    /// <summary>Gets the number of other scores.</summary>
    public int RestCount { get; init; }

    /// <summary>Gets U of the top scores (the first sample), or NaN when the test could not be made.</summary>
    public double UStatistic { get; init; } = double.NaN;

    /// <summary>Gets the two-sided p-value, or NaN when the test could not be made. Not evidence: see the remarks.</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>Gets how the p-value was computed, or <see langword="null"/> when the test could not be made.</summary>
    public PValueMethod? Method { get; init; }

    /// <summary>
    /// Gets Cohen's d of the top scores against the rest as nomadic computes it, over √((s₁² + s₂²) / 2) (see
    /// <see cref="Analysis.CohensD.NomadicCompatible"/>), positive when the top mean is higher; NaN when a group has
    /// fewer than 2 scores or the test could not be made.
    /// </summary>
    public double CohensD { get; init; } = double.NaN;

    /// <summary>Gets nomadic's label of |d|, or <see langword="null"/> when d is NaN.</summary>
    public NomadicEffectSize? EffectSize { get; init; }

    /// <summary>Gets a plain-language caveat: why the test could not be made, or that the p-value is descriptive only.</summary>
    public required string Note { get; init; }
}
