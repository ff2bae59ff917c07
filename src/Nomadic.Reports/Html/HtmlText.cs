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

    // A run shorter than a millisecond would round to "0 s", which reads as if it took no time or was never timed.
    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        >= 60 => duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
        > 0 and < 0.0005 => "< 0.001 s",
        _ => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s",
    };
}
