using System.Buffers;
using System.Globalization;

namespace Nomadic.Workspace;

/// <summary>
/// What a name (workspace, experiment, result) may be. Names are data, never paths: any text is kept as given, so
/// <c>../</c> does nothing, but control characters, bidirectional controls (which could make a name read backwards
/// or reorder the text around it), unpaired surrogates and overlong names are refused.
/// </summary>
internal static class NameRules
{
    public const int MaxLength = 200;

    /// <summary>
    /// Unicode's explicit bidirectional formatting characters: the marks U+200E, U+200F and U+061C, the embeddings and
    /// overrides U+202A to U+202E, and the isolates U+2066 to U+2069.
    /// </summary>
    private static readonly SearchValues<char> BidiControls = SearchValues.Create("\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>Checks a name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="field">The field's name, for the message.</param>
    /// <returns>What is wrong, naming the field, or <see langword="null"/> when the name is valid.</returns>
    public static string? Check(string? name, string field) =>
        string.IsNullOrWhiteSpace(name) ? $"\"{field}\" must be a non-empty name."
        : name.Length > MaxLength ? $"\"{field}\" is longer than {MaxLength} characters."
        : name.Any(char.IsControl) ? $"\"{field}\" must not contain control characters."
        : FirstBidiControl(name) is int at ? $"\"{field}\" must not contain bidirectional control characters (U+{(int)name[at]:X4} at position {at.ToString(CultureInfo.InvariantCulture)})."
        : FirstUnpairedSurrogate(name) is int lone ? $"\"{field}\" must not contain an unpaired surrogate (U+{(int)name[lone]:X4} at position {lone.ToString(CultureInfo.InvariantCulture)})."
        : name != name.Trim() ? $"\"{field}\" must not start or end with white space."
        : null;

    /// <summary>Removes the bidirectional formatting characters from text shown where it cannot be isolated (a page title).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text without them.</returns>
    public static string WithoutBidiControls(string text) =>
        text.AsSpan().ContainsAny(BidiControls) ? string.Concat(text.Where(c => !BidiControls.Contains(c))) : text;

    private static int? FirstBidiControl(string name)
    {
        int at = name.AsSpan().IndexOfAny(BidiControls);
        return at >= 0 ? at : null;
    }

    private static int? FirstUnpairedSurrogate(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return i;
            }
        }

        return null;
    }
}
