using System.Globalization;
using System.Text.Json;

namespace Nomadic.Serialization;

/// <summary>
/// Reads the fields of saved results with one rule: a field of the wrong JSON type, or a number no double holds
/// (<c>1e309</c>), is an error whose message names the field, e.g. <c>run_results[3].score: 1e309 is not a finite number</c>.
/// </summary>
internal static class JsonFields
{
    /// <summary>Names a field of an object: <c>run_results[3]</c> and <c>score</c> give <c>run_results[3].score</c>.</summary>
    public static string Member(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>Names an item of a list: <c>run_results</c> and 3 give <c>run_results[3]</c>.</summary>
    public static string Item(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>An error about a field (or, without a name, about the value read).</summary>
    public static JsonException Error(string field, string problem) => new(field.Length == 0 ? problem : $"{field}: {problem}");

    /// <summary>An error saying the field holds another JSON type than expected.</summary>
    public static JsonException WrongType(string field, string expected, JsonElement found) =>
        Error(field, $"expected {expected}, found {Kind(found)}");

    /// <summary>Reads a JSON number that a double holds: <c>1e309</c> overflows to infinity and is refused.</summary>
    public static double Finite(JsonElement number, string field)
    {
        double value = number.GetDouble();
        return double.IsFinite(value) ? value : throw Error(field, $"{number.GetRawText()} is not a finite number");
    }

    /// <summary>Reads an optional string field: absent or null is <see langword="null"/>.</summary>
    public static string? OptionalString(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(Member(field, name), "a string", value);
    }

    /// <summary>Whether an optional field is present and not null.</summary>
    public static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Describes a value for messages: its JSON type, with its text when it is a short scalar (<c>number 5</c>).</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => value.GetRawText(),
        JsonValueKind.String when value.GetRawText().Length <= 40 => "string " + value.GetRawText(),
        JsonValueKind.Number when value.GetRawText().Length <= 40 => "number " + value.GetRawText(),
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
