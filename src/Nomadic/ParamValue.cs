using System.Globalization;

namespace Nomadic;

/// <summary>Rules for parameter and metadata values: their supported types, equality and display.</summary>
/// <remarks>
/// Supported value types are <see cref="int"/>, <see cref="long"/> (only beyond the range of int),
/// <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> and <see langword="null"/>; other numeric types
/// are normalized to these so a value keeps its type through JSON.
/// </remarks>
internal static class ParamValue
{
    public static object? Normalize(object? value) => value switch
    {
        null or int or double or bool or string => value,
        long l => l is >= int.MinValue and <= int.MaxValue ? (object)(int)l : l,
        byte or sbyte or short or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        uint u => u <= int.MaxValue ? (object)(int)u : (long)u,
        ulong ul => ul <= int.MaxValue ? (object)(int)ul : ul <= long.MaxValue ? (object)(long)ul : (double)ul,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        Enum e => e.ToString(),
        _ => value,
    };

    public static bool IsSupported(object? value) => value is null or int or long or double or bool or string;

    public static bool TryGetDouble(object? value, out double result)
    {
        switch (value)
        {
            case int i: result = i; return true;
            case long l: result = l; return true;
            case double d: result = d; return true;
            case float f: result = f; return true;
            case decimal m: result = (double)m; return true;
            case short or byte or sbyte or ushort or uint or ulong: result = Convert.ToDouble(value, CultureInfo.InvariantCulture); return true;
            default: result = double.NaN; return false;
        }
    }

    public static bool AreEqual(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is int or long && b is int or long)
        {
            return Convert.ToInt64(a, CultureInfo.InvariantCulture) == Convert.ToInt64(b, CultureInfo.InvariantCulture);
        }

        if (TryGetDouble(a, out double x) && TryGetDouble(b, out double y))
        {
            return x.Equals(y);
        }

        return a.Equals(b);
    }

    public static string ToDisplayString(object? value) => value switch
    {
        null => "null",
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IDictionary dict => "{" + string.Join(", ", dict.Keys.Cast<object>().Select(k => ToDisplayString(k) + ": " + ToDisplayString(dict[k]))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(ToDisplayString)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Formats a double so it reads back as one: shortest round-trip digits, with <c>.0</c> when integral (as Python prints).</summary>
    public static string FormatDouble(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text;
    }

    public static string ToDisplayString(IReadOnlyDictionary<string, object?> values) =>
        "{" + string.Join(", ", values.Select(kv => "'" + kv.Key + "': " + ToDisplayString(kv.Value))) + "}";
}
