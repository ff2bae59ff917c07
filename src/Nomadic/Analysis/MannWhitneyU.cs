namespace Nomadic.Analysis;

/// <summary>
/// The two-sided Mann–Whitney U test of two independent samples, computed as SciPy 1.10's
/// <c>scipy.stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method="auto")</c>.
/// </summary>
/// <remarks>
/// The statistic is U of <c>x</c>: the rank sum of <c>x</c> in the pooled sample minus n₁(n₁ + 1)/2. The p-value is
/// exact (the null distribution of U, counted without approximation) when either sample has at most 8 values and no
/// value appears twice in the pooled sample; otherwise it comes from the normal approximation with the tie correction
/// of the variance and a continuity correction of 0.5 — the rule SciPy 1.10 applies for <c>method="auto"</c>.
/// </remarks>
internal static class MannWhitneyU
{
    /// <summary>The sample size at or below which (in either sample) the exact distribution is used when there are no ties.</summary>
    public const int ExactMaxSize = 8;

    /// <summary>Tests whether <paramref name="x"/> and <paramref name="y"/> come from the same distribution.</summary>
    /// <param name="x">The first sample, at least one finite value.</param>
    /// <param name="y">The second sample, at least one finite value.</param>
    /// <returns>U of <paramref name="x"/>, the two-sided p-value and how it was computed.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    public static RankTestResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Ranks.CheckFinite(x, nameof(x));
        Ranks.CheckFinite(y, nameof(y));
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("The Mann–Whitney U test needs at least one value in each sample.", x.Count == 0 ? nameof(x) : nameof(y));
        }

        int n1 = x.Count;
        int n2 = y.Count;
        double[] ranks = Ranks.Average([.. x, .. y], out double tieTerm, out bool hasTies);
        double r1 = 0;
        for (int i = 0; i < n1; i++)
        {
            r1 += ranks[i];
        }

        double u1 = r1 - (n1 * (n1 + 1.0) / 2.0);
        double u = Math.Max(u1, ((double)n1 * n2) - u1);
        bool exact = !(n1 > ExactMaxSize && n2 > ExactMaxSize) && !hasTies;
        double p = exact ? 2.0 * MannWhitneyExact.Cdf((long)n1 * n2 - (long)u, n1, n2) : 2.0 * NormalTail.Survival(Z(u, n1, n2, tieTerm));
        return new RankTestResult(u1, Math.Clamp(p, 0.0, 1.0), exact ? PValueMethod.Exact : PValueMethod.Asymptotic);
    }

    private static double Z(double u, int n1, int n2, double tieTerm)
    {
        double mu = n1 * (double)n2 / 2.0;
        double n = n1 + (double)n2;
        double s = Math.Sqrt(n1 * (double)n2 / 12.0 * ((n + 1) - (tieTerm / (n * (n - 1)))));
        return (u - mu - 0.5) / s;
    }
}
