using System.Globalization;
using System.Text.Json;

namespace Nomadic.AI.Datasets;

/// <summary>Turns one JSON object of a dataset file into an <see cref="EvaluationItem"/>, or says what is wrong with it.</summary>
internal static class JsonItemParser
{
    public static EvaluationItem Parse(JsonElement element, string path, int line, int position)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetFormatException(path, line, $"expected an object with a \"query\", found {Describe(element.ValueKind)}.");
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
            {
                throw new DatasetFormatException(path, line, $"the field \"{property.Name}\" appears twice.");
            }
        }

        string? queryName = ItemFields.Find(properties.Keys, ItemFields.Query)
            ?? throw new DatasetFormatException(path, line, "the item has no \"query\".");
        string query = RequiredText(properties[queryName], queryName, path, line);
        string? idName = ItemFields.Find(properties.Keys, ItemFields.Id);
        string? referenceName = ItemFields.Find(properties.Keys, ItemFields.Reference);
        string? contextsName = ItemFields.Find(properties.Keys, ItemFields.Contexts);
        string? relevantName = ItemFields.Find(properties.Keys, ItemFields.RelevantIds);
        return new EvaluationItem(idName is null ? Position(position) : Scalar(properties[idName], idName, path, line) ?? Position(position), query)
        {
            Reference = referenceName is null ? null : OptionalText(properties[referenceName], referenceName, path, line),
            Contexts = contextsName is null ? [] : TextList(properties[contextsName], contextsName, path, line, numbersAllowed: false),
            RelevantDocumentIds = relevantName is null ? [] : TextList(properties[relevantName], relevantName, path, line, numbersAllowed: true),
            Fields = properties.Where(p => !ItemFields.IsKnown(p.Key)).ToDictionary(p => p.Key, p => FieldText(p.Value), StringComparer.Ordinal),
        };
    }

    internal static string Position(int position) => position.ToString(CultureInfo.InvariantCulture);

    private static string RequiredText(JsonElement value, string name, string path, int line)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new DatasetFormatException(path, line, $"\"{name}\" must be a string, found {Describe(value.ValueKind)}.");
        }

        string text = value.GetString()!;
        return !string.IsNullOrWhiteSpace(text) ? text : throw new DatasetFormatException(path, line, $"\"{name}\" is empty.");
    }

    private static string? OptionalText(JsonElement value, string name, string path, int line) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw new DatasetFormatException(path, line, $"\"{name}\" must be a string, found {Describe(value.ValueKind)}."),
    };

    private static string? Scalar(JsonElement value, string name, string path, int line) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new DatasetFormatException(path, line, $"\"{name}\" must be a string or a number, found {Describe(value.ValueKind)}."),
    };

    private static List<string> TextList(JsonElement value, string name, string path, int line, bool numbersAllowed)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetFormatException(path, line, $"\"{name}\" must be an array of strings, found {Describe(value.ValueKind)}.");
        }

        var list = new List<string>();
        foreach (JsonElement element in value.EnumerateArray())
        {
            list.Add(element.ValueKind switch
            {
                JsonValueKind.String => element.GetString()!,
                JsonValueKind.Number when numbersAllowed => element.GetRawText(),
                _ => throw new DatasetFormatException(path, line, $"\"{name}\" must be an array of strings, found {Describe(element.ValueKind)} in it."),
            });
        }

        return list;
    }

    private static string FieldText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
