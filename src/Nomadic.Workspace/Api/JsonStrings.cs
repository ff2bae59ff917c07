using System.Globalization;
using System.Text.Json;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Finds a string in a JSON document that cannot become .NET text: JSON lets <c>\uD800</c> stand alone, but a lone
/// surrogate is not a character, and reading it throws deep inside whatever reads the value next.
/// </summary>
internal static class JsonStrings
{
    private const int MaxShownName = 40;

    /// <summary>Throws a 400 naming the first property name or string value that holds an unpaired surrogate escape.</summary>
    /// <param name="root">The document's root.</param>
    /// <exception cref="ApiProblem">A string holds an unpaired surrogate.</exception>
    public static void RequireReadable(JsonElement root)
    {
        if (FindUnreadable(root, "$") is string path)
        {
            throw ApiProblem.BadRequest($"{path} holds an unpaired surrogate escape (\\uD800 to \\uDFFF without its pair), which is not text; send valid UTF-16 pairs or the character itself.");
        }
    }

    private static string? FindUnreadable(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element.GetString) ? null : path;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (FindUnreadable(item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]") is string found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    string? name = null;
                    if (!Readable(() => name = property.Name))
                    {
                        return $"A property name in {path}";
                    }

                    if (FindUnreadable(property.Value, Member(path, name!)) is string found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Member(string path, string name)
    {
        bool plain = name.Length is > 0 and <= MaxShownName && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (plain)
        {
            return $"{path}.{name}";
        }

        return $"{path}[{JsonSerializer.Serialize(name.Length > MaxShownName ? name[..MaxShownName] + "…" : name)}]";
    }
}
