using System.Text;
using System.Text.Json;
using Nomadic.Tuning;

namespace Nomadic.Serialization;

/// <summary>
/// The JSON form of a search space: <c>{"lr": {"type": "loguniform", "low": 1e-05, "high": 0.1}, "opt": {"type": "choice", "values": ["sgd", "adam"]}}</c>.
/// </summary>
internal static class SearchSpaceJson
{
    public static readonly IReadOnlyList<string> Kinds =
        ["choice", "grid_search", "uniform", "quniform", "loguniform", "qloguniform", "randint", "qrandint", "lograndint", "qlograndint"];

    public static string Write(SearchSpace space)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, space);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, SearchSpace space)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, Domain> pair in space)
        {
            writer.WritePropertyName(pair.Key);
            WriteDomain(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    public static SearchSpace Read(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    public static SearchSpace Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SearchSpaceException("The search space must be a JSON object of parameter name to domain.");
        }

        var space = new SearchSpace();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            space.Add(property.Name, ReadDomain(property.Name, property.Value).When(ReadCondition(property.Name, property.Value)));
        }

        return space;
    }

    public static Domain ReadDomain(string name, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return Tune.Choice(element.EnumerateArray().Select(JsonValues.Read).ToArray());
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SearchSpaceException(name, "must be an object such as {\"type\": \"uniform\", \"low\": 0, \"high\": 1} or a list of choices");
        }

        string type = element.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!.ToLowerInvariant()
            : throw new SearchSpaceException(name, "has no \"type\" (one of " + string.Join(", ", Kinds) + ")");
        if (Kinds.Contains(type) || type == "grid")
        {
            RejectUnknownKeys(name, type, element);
        }

        return type switch
        {
            "choice" => Tune.Choice(Values(name, element)),
            "grid_search" or "grid" => Tune.GridSearch(Values(name, element)),
            "uniform" => Tune.Uniform(Number(name, element, "low"), Number(name, element, "high")),
            "quniform" => Tune.QUniform(Number(name, element, "low"), Number(name, element, "high"), Number(name, element, "q")),
            "loguniform" => Tune.LogUniform(Number(name, element, "low"), Number(name, element, "high")),
            "qloguniform" => Tune.QLogUniform(Number(name, element, "low"), Number(name, element, "high"), Number(name, element, "q")),
            "randint" => Tune.RandInt(Integer(name, element, "low"), Integer(name, element, "high")),
            "qrandint" => Tune.QRandInt(Integer(name, element, "low"), Integer(name, element, "high"), Integer(name, element, "q")),
            "lograndint" => Tune.LogRandInt(Integer(name, element, "low"), Integer(name, element, "high")),
            "qlograndint" => Tune.QLogRandInt(Integer(name, element, "low"), Integer(name, element, "high"), Integer(name, element, "q")),
            _ => throw new SearchSpaceException(name, $"has unknown type \"{type}\" (expected one of {string.Join(", ", Kinds)})"),
        };
    }

    // "when": {"parent": [values]} (or a single value): the parameter exists only while the parent takes one of them.
    private static ParameterCondition? ReadCondition(string name, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("when", out JsonElement when))
        {
            return null;
        }

        JsonProperty[] parents = when.ValueKind == JsonValueKind.Object ? [.. when.EnumerateObject()] : [];
        if (parents.Length != 1)
        {
            throw new SearchSpaceException(name, "has a \"when\" that is not an object naming one parameter, such as {\"optimizer\": [\"sgd\"]}");
        }

        JsonElement values = parents[0].Value;
        object?[] allowed = values.ValueKind == JsonValueKind.Array ? values.EnumerateArray().Select(JsonValues.Read).ToArray() : [JsonValues.Read(values)];
        return allowed.Length > 0
            ? new ParameterCondition(parents[0].Name, allowed)
            : throw new SearchSpaceException(name, $"has a \"when\" on '{parents[0].Name}' that lists no value");
    }

    private static void WriteCondition(Utf8JsonWriter writer, ParameterCondition? condition)
    {
        if (condition is null)
        {
            return;
        }

        writer.WritePropertyName("when");
        writer.WriteStartObject();
        writer.WritePropertyName(condition.Parameter);
        JsonValues.Write(writer, condition.Values);
        writer.WriteEndObject();
    }

    private static void WriteDomain(Utf8JsonWriter writer, Domain domain)
    {
        writer.WriteStartObject();
        writer.WriteString("type", domain.Kind);
        switch (domain)
        {
            case ChoiceDomain choice:
                writer.WritePropertyName("values");
                JsonValues.Write(writer, choice.Values);
                break;
            case FloatDomain f:
                writer.WritePropertyName("low");
                JsonValues.WriteDouble(writer, f.Low);
                writer.WritePropertyName("high");
                JsonValues.WriteDouble(writer, f.High);
                if (f.Step is double q)
                {
                    writer.WritePropertyName("q");
                    JsonValues.WriteDouble(writer, q);
                }

                break;
            case IntDomain i:
                writer.WriteNumber("low", i.Low);
                writer.WriteNumber("high", i.High);
                if (i.Step is int step)
                {
                    writer.WriteNumber("q", step);
                }

                break;
        }

        WriteCondition(writer, domain.Condition);
        writer.WriteEndObject();
    }

    private static void RejectUnknownKeys(string name, string type, JsonElement element)
    {
        string[] allowed = type switch
        {
            "choice" or "grid_search" or "grid" => ["type", "values", "when"],
            _ when type.StartsWith('q') => ["type", "low", "high", "q", "when"],
            _ => ["type", "low", "high", "when"],
        };
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new SearchSpaceException(name, $"{type} does not take \"{property.Name}\" (it takes {string.Join(", ", allowed.Select(a => "\"" + a + "\""))})");
            }
        }
    }

    private static object?[] Values(string name, JsonElement element) =>
        element.TryGetProperty("values", out JsonElement values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(JsonValues.Read).ToArray()
            : throw new SearchSpaceException(name, "needs \"values\": a list");

    private static double Number(string name, JsonElement element, string field) =>
        element.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new SearchSpaceException(name, $"needs a number \"{field}\"");

    private static int Integer(string name, JsonElement element, string field) =>
        element.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int i)
            ? i
            : throw new SearchSpaceException(name, $"needs an integer \"{field}\"");
}
