using System.Globalization;

namespace Nomadic.Results;

/// <summary>
/// How a number reads wherever a person sees it (reports, the command line, verdicts): invariant, at most four
/// decimals, and a short scientific form such as <c>2.42e-5</c> for very small or large magnitudes.
/// </summary>
public static class NumberText
{
    /// <summary>Formats a number as short text.</summary>
    /// <param name="value">The number.</param>
    /// <returns>
    /// Up to four decimals (<c>0.1235</c>, <c>12</c>); <c>0.###e0</c> below 0.001 or from a million up
    /// (<c>2.42e-5</c>, <c>1.5e6</c>); <c>NaN</c>, <c>∞</c> and <c>-∞</c> for the non-finite values.
    /// </returns>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        double magnitude = Math.Abs(value);
        return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)
            ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
