using System.Globalization;
using Nomadic.Tuning;

namespace Nomadic.AI;

/// <summary>
/// What one parameter accepts: a number in a range, a whole number from a minimum, one of some names, or non-empty text.
/// Numbers are accepted only as numbers: a quoted <c>"0.7"</c> is text, unusable where a number is expected, in the
/// file check and at run time alike.
/// </summary>
internal sealed class ParameterRule
{
    private readonly double _min;
    private readonly double _max;
    private readonly bool _whole;
    private readonly IReadOnlyList<string>? _choices;

    private ParameterRule(string expected, double min, double max, bool whole, IReadOnlyList<string>? choices)
    {
        Expected = expected;
        _min = min;
        _max = max;
        _whole = whole;
        _choices = choices;
    }

    /// <summary>Gets what the parameter accepts, for messages: <c>a whole number of 1 or more</c>.</summary>
    public string Expected { get; }

    private bool IsNumeric => !double.IsNaN(_min);

    /// <summary>A finite number between <paramref name="min"/> and <paramref name="max"/>, both included.</summary>
    public static ParameterRule Number(double min, double max = double.PositiveInfinity) => new(
        double.IsPositiveInfinity(max) ? Invariant($"a number of {min} or more") : Invariant($"a number between {min} and {max}"), min, max, whole: false, null);

    /// <summary>A whole number of <paramref name="min"/> or more.</summary>
    public static ParameterRule Whole(int min) => new(Invariant($"a whole number of {min} or more"), min, int.MaxValue, whole: true, null);

    /// <summary>One of <paramref name="choices"/>, as text.</summary>
    public static ParameterRule OneOf(string what, IReadOnlyList<string> choices) => new(what + string.Join(", ", choices), double.NaN, double.NaN, whole: false, choices);

    /// <summary>Non-empty text.</summary>
    public static ParameterRule Text(string expected) => new(expected, double.NaN, double.NaN, whole: false, null);

    /// <summary>Returns why a value is unusable; null when it is usable or null (absent).</summary>
    public string? Problem(object? value) => value is null || Accepts(value) ? null : $"{Show(value)} is not {Expected}";

    /// <summary>Returns why some value of a domain would be unusable; null when every value it can give is usable.</summary>
    public string? Problem(Domain domain) => domain switch
    {
        ChoiceDomain choice => choice.Values.Select(Problem).FirstOrDefault(p => p is not null),
        IntDomain range when IsNumeric => Problem(range.MinValue) ?? Problem(range.MaxValue),
        FloatDomain range when IsNumeric && !_whole => Problem(range.Low) ?? Problem(range.High),
        _ => $"a {domain.Kind} range gives values that are not {Expected}; declare it with {(IsNumeric ? "randint or a list" : "a list")}",
    };

    private bool Accepts(object value)
    {
        if (_choices is not null)
        {
            return value is string text && _choices.Contains(text, StringComparer.Ordinal);
        }

        if (!IsNumeric)
        {
            return value is string { Length: > 0 };
        }

        return AsNumber(value) is double number && double.IsFinite(number) && number >= _min && number <= _max && (!_whole || number == Math.Floor(number));
    }

    /// <summary>A value of a .NET numeric type as a double; null for anything else, text included.</summary>
    internal static double? AsNumber(object value) => value switch
    {
        double or float or int or long or short or byte or sbyte or uint or ulong or ushort or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Show(object value) => value switch
    {
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
