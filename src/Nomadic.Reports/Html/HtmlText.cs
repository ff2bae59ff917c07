using System.Globalization;
using System.Net;
using Nomadic.Reports.Data;
using Nomadic.Results;

namespace Nomadic.Reports.Html;

/// <summary>
/// Turns values into HTML text: everything escaped (quotes too, so it is safe in attributes), numbers invariant and
/// short, lists and dictionaries as the compact JSON of <see cref="ValueText"/>.
/// </summary>
internal static class HtmlText
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Value(object? value) => value switch
    {
        null => "",
        double d => ParameterValues.Number(d),
        float f => ParameterValues.Number(f),
        TimeSpan t => Duration(t),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => ValueText.Format(value),
    };

    /// <summary>The value a column sorts by: a number for numbers and durations, the text otherwise.</summary>
    public static string SortKey(object? value) => value switch
    {
        TimeSpan t => t.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        _ when ParameterValues.TryNumber(value, out double number) => number.ToString("R", CultureInfo.InvariantCulture),
        _ => Value(value),
    };

    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}
