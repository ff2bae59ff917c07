namespace Nomadic.Analysis;

/// <summary>Quantiles by linear interpolation between order statistics (NumPy's default, Hyndman and Fan type 7).</summary>
internal static class Quantiles
{
    /// <summary>Returns the <paramref name="probability"/> quantile of <paramref name="sorted"/>, which must be sorted and non-empty.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double probability)
    {
        double position = probability * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        double fraction = position - below;
        return fraction == 0 ? sorted[below] : sorted[below] + (fraction * (sorted[above] - sorted[below]));
    }
}
