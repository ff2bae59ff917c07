using System.Text;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Serialization;

/// <summary>The JSON form of an experiment result; field names follow nomadic's (<c>hp_search_space</c>, <c>run_results</c>).</summary>
internal static class ExperimentResultJson
{
    public const string Format = "nomadic.experiment_result";

    /// <summary>The newest format version this library reads and the one it writes (results and journals alike).</summary>
    public const int Version = 1;

    public static string Write(ExperimentResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            WriteHeader(writer, result.Name, result.Direction, result.HpSearchSpace, result.Metadata);
            ObjectivesJson.Write(writer, result.Objectives);
            writer.WriteString("client_id", result.ClientId);
            writer.WriteNumber("best_idx", result.BestIndex);
            writer.WritePropertyName("run_results");
            writer.WriteStartArray();
            foreach (RunResult run in result.RunResults)
            {
                RunJson.Write(writer, run);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteHeader(Utf8JsonWriter writer, string? name, Direction direction, SearchSpace space, IReadOnlyDictionary<string, object?> metadata)
    {
        writer.WriteString("name", name);
        writer.WriteString("direction", direction == Direction.Maximize ? "maximize" : "minimize");
        writer.WritePropertyName("hp_search_space");
        SearchSpaceJson.Write(writer, space);
        writer.WritePropertyName("metadata");
        JsonValues.WriteObject(writer, metadata);
    }

    public static ExperimentResult Read(string json, string? path = null)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("run_results", out JsonElement runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new ResultFormatException(path, "is not an experiment result (no \"run_results\" list)");
            }

            if (JsonFields.OptionalString(root, "format", "") is string format && format != Format)
            {
                throw JsonFields.Error("format", $"\"{format}\" is not an experiment result (expected \"{Format}\")");
            }

            CheckVersion(root);

            return ReadHeader(root, runs.EnumerateArray().Select((run, i) => RunJson.Read(run, JsonFields.Item("run_results", i))).ToList(), path);
        }
        catch (JsonException e)
        {
            throw new ResultFormatException(path, Describe(e));
        }
        catch (SearchSpaceException e)
        {
            throw new ResultFormatException(path, e.Message);
        }
    }

    /// <summary>Reads the header fields results and journals share; a field of the wrong type is a <see cref="JsonException"/> naming it.</summary>
    public static ExperimentResult ReadHeader(JsonElement root, IEnumerable<RunResult> runs, string? path)
    {
        CheckVersion(root);
        SearchSpace space = root.TryGetProperty("hp_search_space", out JsonElement s)
            ? SearchSpaceJson.Read(s)
            : throw new ResultFormatException(path, "has no \"hp_search_space\"");
        return new ExperimentResult(space, runs, JsonFields.OptionalString(root, "name", ""), JsonFields.OptionalString(root, "client_id", ""))
        {
            Direction = JsonFields.OptionalString(root, "direction", "") switch
            {
                null or "maximize" => Direction.Maximize,
                "minimize" => Direction.Minimize,
                string other => throw new ResultFormatException(path, $"has unknown direction \"{other}\" (expected maximize or minimize)"),
            },
            Metadata = JsonFields.TryGet(root, "metadata", out JsonElement m)
                ? JsonValues.ReadObject(m, "metadata")
                : new Dictionary<string, object?>(),
            Objectives = ObjectivesJson.Read(root, path),
        };
    }

    /// <summary>Describes a JSON error: where the text is malformed, or the field a reader refused.</summary>
    public static string Describe(JsonException e) =>
        e.LineNumber is long line
            ? $"malformed JSON at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"
            : FirstSentence(e.Message);

    // A file from a newer release may mean something this one would misread: refuse it rather than guess.
    private static void CheckVersion(JsonElement root)
    {
        if (!JsonFields.TryGet(root, "version", out JsonElement version))
        {
            return;
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number))
        {
            throw JsonFields.WrongType("version", "a whole number", version);
        }

        if (number > Version)
        {
            throw JsonFields.Error("", $"written by a newer Nomadic (version {number}); this one reads up to {Version}");
        }

        if (number < 1)
        {
            throw JsonFields.Error("version", $"{number} is not a format version (this Nomadic reads 1 to {Version})");
        }
    }

    internal static string FirstSentence(string message)
    {
        foreach (string marker in new[] { " Path:", " LineNumber:" })
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }

        return message.TrimEnd('.', ' ');
    }
}
