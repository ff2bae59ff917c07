using System.Text.RegularExpressions;

namespace Nomadic.Cli.Objectives;

/// <summary>The <c>{name}</c> placeholders of command arguments, replaced by parameter values in invariant text.</summary>
internal static partial class Placeholders
{
    /// <summary>Lists the parameter names an argument refers to.</summary>
    public static IEnumerable<string> Names(string argument) =>
        Pattern().Matches(argument).Select(m => m.Groups[1].Value);

    /// <summary>Replaces each placeholder naming a parameter by its value; other text is kept as written.</summary>
    public static string Expand(string argument, IReadOnlyDictionary<string, object?> parameters) =>
        Pattern().Replace(argument, m => parameters.TryGetValue(m.Groups[1].Value, out object? value) ? ParamText.Invariant(value) : m.Value);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_.\-]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
