namespace Nomadic.Tuning.Gp;

/// <summary>Compares points of the input space coordinate by coordinate, so sets of points can find duplicates.</summary>
internal sealed class PointComparer : IEqualityComparer<double[]>
{
    /// <summary>Gets the single instance.</summary>
    public static PointComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(double[]? x, double[]? y) => x is null || y is null ? x == y : x.AsSpan().SequenceEqual(y);

    /// <inheritdoc />
    public int GetHashCode(double[] obj)
    {
        var hash = new HashCode();
        foreach (double value in obj)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
