namespace Nomadic.Analysis;

/// <summary>Cohen's d: the difference of two means in units of a standard deviation of both samples (Cohen 1988).</summary>
/// <remarks>
/// Two ways to combine the samples' deviations are offered. <see cref="Pooled"/> weights each sample variance by its
/// degrees of freedom, the usual estimate of a common deviation and the one this library's own analysis uses.
/// <see cref="NomadicCompatible"/> averages the two variances unweighted, as nomadic's <c>test_significance</c> does; with
/// groups of unequal size (the top 5 runs against the rest) the two differ noticeably.
/// </remarks>
internal static class CohensD
{
    /// <summary>Computes (mean(x) − mean(y)) / s, with s² = ((n₁ − 1)s₁² + (n₂ − 1)s₂²) / (n₁ + n₂ − 2) from sample variances.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <returns>
    /// d; NaN when n₁ + n₂ &lt; 3 or a sample is empty; ±∞ when the pooled deviation is zero and the means differ, 0 when they do not.
    /// </returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    public static double Pooled(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0 || x.Count + y.Count < 3)
        {
            return double.NaN;
        }

        double mx = x.Average();
        double my = y.Average();
        double squares = SumOfSquares(x, mx) + SumOfSquares(y, my);
        double pooled = Math.Sqrt(squares / (x.Count + y.Count - 2));
        return mx == my ? 0.0 : (mx - my) / pooled;
    }

    /// <summary>
    /// Computes (mean(x) − mean(y)) / s with s = √((s₁² + s₂²) / 2), the unweighted mean of the two sample variances
    /// (n − 1 in their denominators), exactly as nomadic's <c>test_significance</c> computes Cohen's d.
    /// </summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <returns>
    /// d; NaN when a sample has fewer than 2 values (its variance is undefined) or when both deviations and the mean
    /// difference are zero; ±∞ when both deviations are zero and the means differ, as NumPy divides.
    /// </returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    public static double NomadicCompatible(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count < 2 || y.Count < 2)
        {
            return double.NaN;
        }

        double mx = x.Average();
        double my = y.Average();
        double meanVariance = ((SumOfSquares(x, mx) / (x.Count - 1)) + (SumOfSquares(y, my) / (y.Count - 1))) / 2;
        return (mx - my) / Math.Sqrt(meanVariance);
    }

    /// <summary>Labels the size of <paramref name="d"/> by |d| at Cohen's thresholds 0.2, 0.5 and 0.8.</summary>
    /// <param name="d">A standardized mean difference.</param>
    /// <returns>The label; <see cref="EffectSizeMagnitude.Negligible"/> for NaN.</returns>
    public static EffectSizeMagnitude Magnitude(double d)
    {
        double size = Math.Abs(d);
        return size >= 0.8 ? EffectSizeMagnitude.Large
            : size >= 0.5 ? EffectSizeMagnitude.Medium
            : size >= 0.2 ? EffectSizeMagnitude.Small
            : EffectSizeMagnitude.Negligible;
    }

    /// <summary>Labels the size of <paramref name="d"/> as nomadic's <c>test_significance</c> does: by |d| at 0.2 and 0.5.</summary>
    /// <param name="d">A standardized mean difference, usually from <see cref="NomadicCompatible"/>.</param>
    /// <returns>The label; <see langword="null"/> for NaN, where nomadic's comparisons all fail and it prints "large".</returns>
    public static NomadicEffectSize? NomadicLabel(double d)
    {
        if (double.IsNaN(d))
        {
            return null;
        }

        double size = Math.Abs(d);
        return size < 0.2 ? NomadicEffectSize.Small
            : size < 0.5 ? NomadicEffectSize.Medium
            : NomadicEffectSize.Large;
    }

    private static double SumOfSquares(IReadOnlyList<double> values, double mean) => values.Sum(v => (v - mean) * (v - mean));
}
