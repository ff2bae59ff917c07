namespace Nomadic.Analysis;

/// <summary>Cohen's d: the difference of two means in units of their pooled standard deviation (Cohen 1988).</summary>
public static class CohensD
{
    /// <summary>Computes (mean(x) − mean(y)) / s, with s² = ((n₁ − 1)s₁² + (n₂ − 1)s₂²) / (n₁ + n₂ − 2) from sample variances.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <returns>
    /// d; NaN when n₁ + n₂ &lt; 3 or a sample is empty; ±∞ when the pooled deviation is zero and the means differ, 0 when they do not.
    /// </returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    public static double Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0 || x.Count + y.Count < 3)
        {
            return double.NaN;
        }

        double mx = x.Average();
        double my = y.Average();
        double squares = x.Sum(v => (v - mx) * (v - mx)) + y.Sum(v => (v - my) * (v - my));
        double pooled = Math.Sqrt(squares / (x.Count + y.Count - 2));
        return mx == my ? 0.0 : (mx - my) / pooled;
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
}
