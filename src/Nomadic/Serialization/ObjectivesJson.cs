using System.Text.Json;
using Nomadic.Results;

namespace Nomadic.Serialization;

/// <summary>The JSON form of a result's extra objectives: <c>"objectives": [{"name": "latency_ms", "direction": "minimize"}]</c>.</summary>
internal static class ObjectivesJson
{
    private const string Key = "objectives";

    /// <summary>Writes the <c>objectives</c> property, only when there are objectives (older readers see the same file).</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ObjectiveMetric> objectives)
    {
        if (objectives.Count == 0)
        {
            return;
        }

        writer.WritePropertyName(Key);
        writer.WriteStartArray();
        foreach (ObjectiveMetric objective in objectives)
        {
            writer.WriteStartObject();
            writer.WriteString("name", objective.Name);
            writer.WriteString("direction", objective.Direction == Direction.Maximize ? "maximize" : "minimize");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads the <c>objectives</c> property of a result; none when it is absent (files written before it existed).</summary>
    /// <exception cref="ResultFormatException">The property is not a list of objectives with distinct names.</exception>
    public static IReadOnlyList<ObjectiveMetric> Read(JsonElement root, string? path)
    {
        if (!root.TryGetProperty(Key, out JsonElement list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ResultFormatException(path, "has \"objectives\" that is not a list");
        }

        var objectives = new List<ObjectiveMetric>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("name", out JsonElement name) || string.IsNullOrWhiteSpace(name.ValueKind == JsonValueKind.String ? name.GetString() : null))
            {
                throw new ResultFormatException(path, $"has objective {objectives.Count} without a \"name\"");
            }

            if (!names.Add(name.GetString()!))
            {
                throw new ResultFormatException(path, $"lists objective \"{name.GetString()}\" twice");
            }

            string? direction = item.TryGetProperty("direction", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            objectives.Add(new ObjectiveMetric(name.GetString()!, direction switch
            {
                "maximize" => Direction.Maximize,
                "minimize" => Direction.Minimize,
                _ => throw new ResultFormatException(path, $"has objective \"{name.GetString()}\" without a direction (expected maximize or minimize)"),
            }));
        }

        return objectives;
    }
}
