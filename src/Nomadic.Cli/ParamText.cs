using System.Globalization;
using Nomadic.Results;

namespace Nomadic.Cli;

/// <summary>
/// Parameter values as text for commands and environment variables: invariant round-trip numbers with a lower-case
/// exponent (<c>1e-05</c>, as Python prints it), lower-case booleans, empty text for null, lists and dictionaries as
/// the library's compact JSON (<see cref="ValueText"/>).
/// </summary>
internal static class ParamText
{
    public static string Invariant(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ValueText.Format(value),
    };

    /// <summary>The environment variable carrying a parameter: <c>NOMADIC_PARAM_</c> and the name in upper case, other characters as <c>_</c>.</summary>
    public static string VariableName(string parameter) =>
        "NOMADIC_PARAM_" + string.Concat(parameter.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_'));
}
