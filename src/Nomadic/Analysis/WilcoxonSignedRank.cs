namespace Nomadic.Analysis;

/// <summary>
/// The two-sided Wilcoxon signed-rank test of paired samples, computed as SciPy 1.10's
/// <c>scipy.stats.wilcoxon(x, y)</c> with its defaults (<c>zero_method="wilcox"</c>, <c>correction=False</c>).
/// </summary>
/// <remarks>
/// <para>
/// The statistic is the smaller of the rank sums of the positive and of the negative differences x − y. With at most
/// 50 pairs, no zero difference and no tied absolute difference the p-value is exact (the null distribution of the
/// rank sum, counted with integers). Otherwise zero differences are dropped and the p-value comes from the normal
/// approximation with the tie correction of the variance and no continuity correction, as SciPy does.
/// </para>
/// <para>
/// One deliberate difference: with ties but no zeros and at most 50 pairs, SciPy 1.10 keeps the exact distribution and
/// truncates the half-integer rank sum; here the normal approximation is used (SciPy's <c>method="approx"</c>), since the
/// exact distribution assumes distinct ranks.
/// </para>
/// </remarks>
internal static class WilcoxonSignedRank
{
    /// <summary>The number of pairs at or below which the exact distribution is used when there are no zeros or ties.</summary>
    public const int ExactMaxSize = 50;

    /// <summary>Tests whether the paired differences <paramref name="x"/> − <paramref name="y"/> are symmetric about zero.</summary>
    /// <param name="x">The first values, finite.</param>
    /// <param name="y">The paired second values, finite, as many as <paramref name="x"/>.</param>
    /// <returns>The statistic, the two-sided p-value and how it was computed.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="ArgumentException">
    /// The samples differ in length, are empty, hold NaN or an infinity, or every difference is zero.
    /// </exception>
    public static RankTestResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Ranks.CheckFinite(x, nameof(x));
        Ranks.CheckFinite(y, nameof(y));
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Paired samples need equal lengths, got {x.Count} and {y.Count}.", nameof(y));
        }

        return Test([.. x.Select((v, i) => v - y[i])]);
    }

    /// <summary>Tests whether the paired differences are symmetric about zero.</summary>
    /// <param name="differences">The differences x − y, finite.</param>
    /// <returns>The statistic, the two-sided p-value and how it was computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="differences"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no differences, one is not finite, or all are zero.</exception>
    public static RankTestResult Test(IReadOnlyList<double> differences)
    {
        Ranks.CheckFinite(differences, nameof(differences));
        if (differences.Count == 0)
        {
            throw new ArgumentException("The signed-rank test needs at least one pair.", nameof(differences));
        }

        bool hasZeros = differences.Any(d => d == 0);
        double[] nonZero = [.. differences.Where(d => d != 0)];
        if (nonZero.Length == 0)
        {
            throw new ArgumentException("Every difference is zero; the signed-rank test has nothing to rank.", nameof(differences));
        }

        double[] ranks = Ranks.Average([.. nonZero.Select(Math.Abs)], out double tieTerm, out bool hasTies);
        double rPlus = 0;
        double rMinus = 0;
        for (int i = 0; i < nonZero.Length; i++)
        {
            if (nonZero[i] > 0)
            {
                rPlus += ranks[i];
            }
            else
            {
                rMinus += ranks[i];
            }
        }

        double t = Math.Min(rPlus, rMinus);
        if (differences.Count <= ExactMaxSize && !hasZeros && !hasTies)
        {
            return new RankTestResult(t, ExactPValue((int)rPlus, nonZero.Length), PValueMethod.Exact);
        }

        double count = nonZero.Length;
        double mean = count * (count + 1) * 0.25;
        double se = Math.Sqrt(((count * (count + 1) * ((2 * count) + 1)) - (0.5 * tieTerm)) / 24);
        double z = (t - mean) / se;
        return new RankTestResult(t, Math.Clamp(2.0 * NormalTail.Survival(Math.Abs(z)), 0.0, 1.0), PValueMethod.Asymptotic);
    }

    private static double ExactPValue(int rPlus, int n)
    {
        // Counts of subsets of {1..n} by sum fit a long for n ≤ 50 (at most 2^50 in total), so the tails are exact.
        int max = n * (n + 1) / 2;
        var counts = new long[max + 1];
        counts[0] = 1;
        for (int k = 1; k <= n; k++)
        {
            for (int s = k * (k + 1) / 2; s >= k; s--)
            {
                counts[s] += counts[s - k];
            }
        }

        if (rPlus == max / 2)
        {
            return 1.0;
        }

        long less = 0;
        long greater = 0;
        for (int s = 0; s <= max; s++)
        {
            less += s <= rPlus ? counts[s] : 0;
            greater += s >= rPlus ? counts[s] : 0;
        }

        return Math.Clamp(2.0 * Math.Min(less, greater) / Math.Pow(2, n), 0.0, 1.0);
    }
}
