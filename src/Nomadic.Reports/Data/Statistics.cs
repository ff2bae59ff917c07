namespace Nomadic.Reports.Data;

/// <summary>The few statistics the plots need: quantiles, box summaries, correlations, density estimates.</summary>
internal static class Statistics
{
    /// <summary>The q-quantile of sorted values, interpolating linearly between order statistics (NumPy's default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        double position = q * (sorted.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    public static BoxSummary? Box(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        double q1 = Quantile(sorted, 0.25), q3 = Quantile(sorted, 0.75);
        double reach = 1.5 * (q3 - q1);
        // Tukey's whiskers reach the furthest value within 1.5 IQR of the box, and never into it (as matplotlib's): with
        // an outlier, that value can lie inside the box.
        double low = Math.Min(sorted.First(v => v >= q1 - reach), q1);
        double high = Math.Max(sorted.Last(v => v <= q3 + reach), q3);
        return new BoxSummary(low, q1, Quantile(sorted, 0.5), q3, high);
    }

    /// <summary>Pearson's r over the pairs where both values are finite; NaN with fewer than three pairs or no spread.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var pairs = x.Zip(y).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        if (pairs.Length < 3)
        {
            return double.NaN;
        }

        double meanX = pairs.Average(p => p.First), meanY = pairs.Average(p => p.Second);
        double sxy = 0, sxx = 0, syy = 0;
        foreach ((double a, double b) in pairs)
        {
            sxy += (a - meanX) * (b - meanY);
            sxx += (a - meanX) * (a - meanX);
            syy += (b - meanY) * (b - meanY);
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0) : double.NaN;
    }

    /// <summary>Silverman's rule-of-thumb bandwidth for a Gaussian kernel; 0 when the values do not spread.</summary>
    public static double SilvermanBandwidth(IReadOnlyList<double> sorted)
    {
        int n = sorted.Count;
        if (n < 2)
        {
            return 0;
        }

        double mean = sorted.Average();
        double sd = Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        double iqr = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        double spread = iqr > 0 ? Math.Min(sd, iqr / 1.34) : sd;
        return 0.9 * spread * Math.Pow(n, -0.2);
    }

    /// <summary>The Gaussian kernel density of <paramref name="values"/> at <paramref name="x"/>.</summary>
    public static double GaussianDensity(IReadOnlyList<double> values, double bandwidth, double x)
    {
        double sum = 0;
        foreach (double v in values)
        {
            double z = (x - v) / bandwidth;
            sum += Math.Exp(-0.5 * z * z);
        }

        return sum / (values.Count * bandwidth * Math.Sqrt(2 * Math.PI));
    }
}
