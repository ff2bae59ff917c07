using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nomadic.Serialization;

namespace Nomadic.Results;

/// <summary>
/// The text of a parameter or metadata value wherever a result is shown or exported (tables, reports, the Workspace,
/// CSV): text as it is, numbers invariant and round-trip, booleans lower-case, <see langword="null"/> empty, and lists
/// and dictionaries as compact JSON that keeps non-ASCII text readable (<c>[0.5,1.0]</c>, <c>[{"answer":"é"}]</c>).
/// </summary>
public static class ValueText
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats a value as text; lists and dictionaries become compact JSON with the types of their values kept.</summary>
    /// <param name="value">The value: a scalar, a list, a dictionary, or <see langword="null"/>.</param>
    /// <returns>The text; empty for <see langword="null"/>.</returns>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable or JsonElement => Json(value),
        _ => value.ToString() ?? "",
    };

    /// <summary>Formats a value as <see cref="Format(object?)"/> does, cut to at most <paramref name="maxLength"/> characters with an ellipsis.</summary>
    /// <param name="value">The value.</param>
    /// <param name="maxLength">The most characters, the ellipsis included; 2 or more.</param>
    /// <returns>The text, whole when it fits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 2.</exception>
    public static string Format(object? value, int maxLength) => Shorten(Format(value), maxLength);

    /// <summary>Cuts text to at most <paramref name="maxLength"/> characters, the last an ellipsis (…), never inside a surrogate pair.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The most characters, the ellipsis included; 2 or more.</param>
    /// <returns>The text, whole when it fits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 2.</exception>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        int keep = maxLength - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "\u2026");
    }

    private static string Json(object value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            JsonValues.Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
