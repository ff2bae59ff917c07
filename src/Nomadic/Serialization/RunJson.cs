using System.Globalization;
using System.Text.Json;
using Nomadic.Results;

namespace Nomadic.Serialization;

/// <summary>The JSON form of one run, shared by saved results and the results journal.</summary>
internal static class RunJson
{
    public static void Write(Utf8JsonWriter writer, RunResult run)
    {
        writer.WriteStartObject();
        writer.WriteNumber("trial_number", run.TrialNumber);
        writer.WriteString("status", StatusName(run.Status));
        writer.WritePropertyName("score");
        if (double.IsNaN(run.Score))
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonValues.WriteDouble(writer, run.Score);
        }

        writer.WritePropertyName("params");
        JsonValues.WriteObject(writer, run.Params);
        writer.WritePropertyName("metadata");
        JsonValues.WriteObject(writer, run.Metadata);
        if (run.Error is not null)
        {
            writer.WriteString("error", run.Error);
        }

        if (run.StartedAt is DateTimeOffset started)
        {
            writer.WriteString("started_at", started.ToString("O", CultureInfo.InvariantCulture));
        }

        if (run.Duration is TimeSpan duration)
        {
            writer.WriteNumber("duration_seconds", duration.TotalSeconds);
        }

        if (run.IsBaseline)
        {
            writer.WriteBoolean("is_baseline", true);
        }

        if (run.IntermediateValues.Count > 0)
        {
            WriteIntermediateValues(writer, run.IntermediateValues);
        }

        writer.WriteEndObject();
    }

    public static RunResult Read(JsonElement element)
    {
        try
        {
            return ReadUnchecked(element);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            throw new JsonException("a run has a field of the wrong type: " + e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw new JsonException("a run has invalid \"intermediate_values\": " + e.Message, e);
        }
    }

    private static RunResult ReadUnchecked(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a run must be a JSON object");
        }

        double score = element.TryGetProperty("score", out JsonElement s) ? JsonValues.ReadDouble(s) : throw new JsonException("a run has no \"score\"");
        Dictionary<string, object?> parameters = element.TryGetProperty("params", out JsonElement p)
            ? JsonValues.ReadObject(p)
            : throw new JsonException("a run has no \"params\"");
        Dictionary<string, object?>? metadata = element.TryGetProperty("metadata", out JsonElement m) && m.ValueKind != JsonValueKind.Null
            ? JsonValues.ReadObject(m)
            : null;
        return new RunResult(score, parameters, metadata)
        {
            TrialNumber = element.TryGetProperty("trial_number", out JsonElement n) ? n.GetInt32() : -1,
            Status = element.TryGetProperty("status", out JsonElement st) ? ParseStatus(st.GetString()) : RunStatus.Completed,
            Error = element.TryGetProperty("error", out JsonElement e) ? e.GetString() : null,
            StartedAt = element.TryGetProperty("started_at", out JsonElement at) && at.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(at.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null,
            Duration = element.TryGetProperty("duration_seconds", out JsonElement d) && d.ValueKind == JsonValueKind.Number
                ? TimeSpan.FromTicks((long)Math.Round(d.GetDouble() * TimeSpan.TicksPerSecond))
                : null,
            IsBaseline = element.TryGetProperty("is_baseline", out JsonElement b) && b.ValueKind == JsonValueKind.True,
            IntermediateValues = element.TryGetProperty("intermediate_values", out JsonElement iv) && iv.ValueKind != JsonValueKind.Null
                ? ReadIntermediateValues(iv)
                : [],
        };
    }

    // [[step, value], ...]: compact for long learning curves, and the pairs read as they are written.
    private static void WriteIntermediateValues(Utf8JsonWriter writer, IReadOnlyList<IntermediateValue> values)
    {
        writer.WriteStartArray("intermediate_values");
        foreach (IntermediateValue value in values)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Step);
            JsonValues.WriteDouble(writer, value.Value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static IntermediateValue[] ReadIntermediateValues(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("\"intermediate_values\" must be a list of [step, value] pairs");
        }

        var values = new IntermediateValue[element.GetArrayLength()];
        int i = 0;
        foreach (JsonElement pair in element.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                throw new JsonException("\"intermediate_values\" must be a list of [step, value] pairs");
            }

            values[i++] = new IntermediateValue(pair[0].GetInt32(), JsonValues.ReadDouble(pair[1]));
        }

        return values;
    }

    public static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Pruned => "pruned",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static RunStatus ParseStatus(string? text) => text switch
    {
        "completed" => RunStatus.Completed,
        "failed" => RunStatus.Failed,
        "pruned" => RunStatus.Pruned,
        _ => throw new JsonException($"unknown run status \"{text}\" (expected completed, failed or pruned)"),
    };
}
