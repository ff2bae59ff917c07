namespace Nomadic.Tuning.Encoders;

/// <summary>The position of a number between two bounds on a linear or logarithmic scale: the inverse of <see cref="Domain.FromUnit"/>.</summary>
internal static class UnitScale
{
    /// <summary>Returns where <paramref name="value"/> lies between the bounds, as a fraction clamped to [0, 1].</summary>
    /// <param name="value">The number.</param>
    /// <param name="low">The lower bound, positive on a log scale.</param>
    /// <param name="high">The upper bound, above <paramref name="low"/>.</param>
    /// <param name="log">Whether the scale is logarithmic.</param>
    /// <returns>The fraction.</returns>
    public static double Position(double value, double low, double high, bool log)
    {
        double x = Math.Clamp(value, low, high);
        double position = log
            ? (Math.Log(x) - Math.Log(low)) / (Math.Log(high) - Math.Log(low))
            : (x - low) / (high - low);
        return Math.Clamp(position, 0.0, 1.0);
    }
}
