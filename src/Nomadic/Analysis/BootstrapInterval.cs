namespace Nomadic.Analysis;

/// <summary>Percentile bootstrap confidence intervals for the mean of a sample (Efron and Tibshirani 1993, §13.3).</summary>
internal static class BootstrapInterval
{
    /// <summary>The default number of resamples.</summary>
    public const int DefaultResamples = 10_000;

    /// <summary>
    /// Builds the percentile interval of the mean: draws <paramref name="resamples"/> samples of the same size with
    /// replacement, takes each one's mean, and returns the (1 − level)/2 and (1 + level)/2 quantiles of those means
    /// (linear interpolation, as NumPy's <c>percentile</c>).
    /// </summary>
    /// <param name="values">The sample (e.g. paired per-item differences), at least one finite value.</param>
    /// <param name="level">The confidence level, in (0, 1); 0.95 by default.</param>
    /// <param name="resamples">The number of resamples, 1 or more; <see cref="DefaultResamples"/> by default.</param>
    /// <param name="seed">The seed of the resampling; the same inputs and seed give the same interval.</param>
    /// <returns>The interval around the sample mean.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">The sample is empty or holds a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level or the number of resamples is out of range.</exception>
    public static ConfidenceInterval OfMean(IReadOnlyList<double> values, double level = 0.95, int resamples = DefaultResamples, int seed = 0)
    {
        Ranks.CheckFinite(values, nameof(values));
        if (values.Count == 0)
        {
            throw new ArgumentException("The bootstrap needs at least one value.", nameof(values));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var random = new System.Random(seed);
        int n = values.Count;
        var means = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += values[random.Next(n)];
            }

            means[b] = sum / n;
        }

        Array.Sort(means);
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(values.Average(), Quantiles.OfSorted(means, alpha), Quantiles.OfSorted(means, 1 - alpha), level);
    }
}
