using System.Globalization;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Min, median and max of repeated measurements.</summary>
internal sealed record Stats(double Min, double Median, double Max, int Count)
{
    public static Stats Of(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Stats(double.NaN, double.NaN, double.NaN, 0);
        }

        int mid = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        return new Stats(sorted[0], median, sorted[^1], sorted.Length);
    }

    public JsonObject ToJson() => new()
    {
        ["min"] = Json.Number(Min),
        ["median"] = Json.Number(Median),
        ["max"] = Json.Number(Max),
        ["n"] = Count,
    };
}

/// <summary>Small helpers for JSON output and invariant number formatting.</summary>
internal static class Json
{
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    public static JsonArray Array(IEnumerable<double> values) => new(values.Select(Number).ToArray());
}

/// <summary>Invariant number formatting for tables.</summary>
internal static class Fmt
{
    /// <summary>Four significant digits, invariant, without exponent for the usual magnitudes.</summary>
    public static string G(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        double abs = Math.Abs(value);
        if (abs == 0)
        {
            return "0";
        }

        int digits = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(abs)));
        return value.ToString(digits > 8 ? "G4" : "F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string F(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    public static string Ratio(double value) =>
        !double.IsFinite(value) ? "n/a" : value >= 100 ? F(value, 0) + "x" : F(value, 1) + "x";

    public static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
