namespace Nomadic.Analysis;

/// <summary>The outcome of a two-sided rank test.</summary>
/// <param name="Statistic">
/// The test statistic: U of the first sample for <see cref="MannWhitneyU"/>, the smaller of the signed-rank sums for
/// <see cref="WilcoxonSignedRank"/> (as SciPy reports them).
/// </param>
/// <param name="PValue">The two-sided p-value, in [0, 1].</param>
/// <param name="Method">Whether the p-value is exact or from the normal approximation.</param>
public sealed record RankTestResult(double Statistic, double PValue, PValueMethod Method);
