using System.Globalization;
using System.Text.Json;
using Nomadic.Results;

namespace Nomadic.Serialization;

/// <summary>
/// Reads the fields of one run strictly: each must have its JSON type; <c>trial_number</c> is 0 or more (-1, which
/// runs outside an experiment are written with, means none); a completed run needs a finite score, while a failed or
/// pruned one may have none (<c>null</c>) or, after a diverging learning curve, <c>"Infinity"</c>/<c>"-Infinity"</c>.
/// A run with a null score and no status failed.
/// </summary>
internal static class RunFields
{
    /// <summary>Reads a run.</summary>
    /// <param name="element">The run's JSON object.</param>
    /// <param name="field">How messages name the run.</param>
    /// <param name="stored">
    /// Whether the run was kept by a storage, which before these rules also kept completed runs without a finite
    /// score: such a run is read as failed, as it would be written today, rather than refused.
    /// </param>
    public static RunResult Read(JsonElement element, string field, bool stored = false)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Error(field, "a run must be a JSON object");
        }

        string? statusText = JsonFields.OptionalString(element, "status", field);
        JsonElement score = element.TryGetProperty("score", out JsonElement s) ? s : throw JsonFields.Error(field, "a run has no \"score\"");
        RunStatus status = statusText is null
            ? score.ValueKind == JsonValueKind.Null ? RunStatus.Failed : RunStatus.Completed
            : ParseStatus(statusText, JsonFields.Member(field, "status"));
        Dictionary<string, object?> parameters = element.TryGetProperty("params", out JsonElement p)
            ? JsonValues.ReadObject(p, JsonFields.Member(field, "params"))
            : throw JsonFields.Error(field, "a run has no \"params\"");
        Dictionary<string, object?>? metadata = JsonFields.TryGet(element, "metadata", out JsonElement m)
            ? JsonValues.ReadObject(m, JsonFields.Member(field, "metadata"))
            : null;
        string? error = JsonFields.OptionalString(element, "error", field);
        if (stored && status == RunStatus.Completed && score.ValueKind is JsonValueKind.Null or JsonValueKind.String)
        {
            status = RunStatus.Failed;
            error ??= $"the score is {score.GetRawText()}, not a finite number";
        }

        return new RunResult(ReadScore(score, status, JsonFields.Member(field, "score")), parameters, metadata)
        {
            TrialNumber = JsonFields.TryGet(element, "trial_number", out JsonElement n) ? ReadTrialNumber(n, JsonFields.Member(field, "trial_number")) : -1,
            Status = status,
            Error = error,
            StartedAt = JsonFields.OptionalString(element, "started_at", field) is string at ? ReadTime(at, JsonFields.Member(field, "started_at")) : null,
            Duration = JsonFields.TryGet(element, "duration_seconds", out JsonElement d) ? ReadDuration(d, JsonFields.Member(field, "duration_seconds")) : null,
            IsBaseline = JsonFields.TryGet(element, "is_baseline", out JsonElement b) && ReadBoolean(b, JsonFields.Member(field, "is_baseline")),
            IntermediateValues = JsonFields.TryGet(element, "intermediate_values", out JsonElement iv)
                ? ReadIntermediateValues(iv, JsonFields.Member(field, "intermediate_values"))
                : [],
        };
    }

    private static double ReadScore(JsonElement score, RunStatus status, string field)
    {
        if (status != RunStatus.Completed)
        {
            return JsonValues.ReadDouble(score, field);
        }

        return score.ValueKind switch
        {
            JsonValueKind.Number => JsonFields.Finite(score, field),
            JsonValueKind.Null or JsonValueKind.String => throw JsonFields.Error(field, $"{score.GetRawText()} is not a finite number (a completed run needs one; a run without a score has \"status\": \"failed\")"),
            _ => throw JsonFields.WrongType(field, "a number", score),
        };
    }

    private static int ReadTrialNumber(JsonElement number, string field)
    {
        if (number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out int value))
        {
            throw JsonFields.WrongType(field, "a whole number", number);
        }

        return value >= -1 ? value : throw JsonFields.Error(field, $"{value} is negative (runs are numbered from 0)");
    }

    private static DateTimeOffset ReadTime(string text, string field) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset time)
            ? time
            : throw JsonFields.Error(field, $"\"{text}\" is not a date and time such as 2025-01-31T12:00:00Z");

    private static TimeSpan ReadDuration(JsonElement seconds, string field)
    {
        double value = seconds.ValueKind == JsonValueKind.Number ? JsonFields.Finite(seconds, field) : throw JsonFields.WrongType(field, "a number", seconds);
        double ticks = Math.Round(value * TimeSpan.TicksPerSecond);
        return Math.Abs(ticks) < TimeSpan.MaxValue.Ticks ? TimeSpan.FromTicks((long)ticks) : throw JsonFields.Error(field, $"{seconds.GetRawText()} seconds is out of range");
    }

    private static bool ReadBoolean(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw JsonFields.WrongType(field, "true or false", value),
    };

    private static IntermediateValue[] ReadIntermediateValues(JsonElement element, string field)
    {
        const string Expected = "a list of [step, value] pairs";
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw JsonFields.WrongType(field, Expected, element);
        }

        var values = new IntermediateValue[element.GetArrayLength()];
        int i = 0;
        foreach (JsonElement pair in element.EnumerateArray())
        {
            string item = JsonFields.Item(field, i);
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                throw JsonFields.Error(item, $"expected a [step, value] pair ({Expected})");
            }

            if (pair[0].ValueKind != JsonValueKind.Number || !pair[0].TryGetInt32(out int step))
            {
                throw JsonFields.WrongType(JsonFields.Item(item, 0), "a whole-number step", pair[0]);
            }

            double value = JsonValues.ReadDouble(pair[1], JsonFields.Item(item, 1));
            values[i++] = double.IsNaN(value) ? throw JsonFields.Error(JsonFields.Item(item, 1), "null is not a value (a run reports numbers)") : new IntermediateValue(step, value);
        }

        return values;
    }

    private static RunStatus ParseStatus(string text, string field) => text switch
    {
        "completed" => RunStatus.Completed,
        "failed" => RunStatus.Failed,
        "pruned" => RunStatus.Pruned,
        _ => throw JsonFields.Error(field, $"unknown run status \"{text}\" (expected completed, failed or pruned)"),
    };
}
