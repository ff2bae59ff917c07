using System.Globalization;
using System.Text.Json;
using Nomadic.Results;

namespace Nomadic.Serialization;

/// <summary>The JSON form of one run, shared by saved results and the results journal.</summary>
internal static class RunJson
{
    public static void Write(Utf8JsonWriter writer, RunResult run)
    {
        // A completed run needs a finite score; without one it is recorded as failed, as Experiment.Tell records it,
        // so what is written always reads back.
        bool unscored = run.Status == RunStatus.Completed && !double.IsFinite(run.Score);
        writer.WriteStartObject();
        writer.WriteNumber("trial_number", run.TrialNumber);
        writer.WriteString("status", StatusName(unscored ? RunStatus.Failed : run.Status));
        writer.WritePropertyName("score");
        if (double.IsNaN(run.Score) || unscored)
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
        string? error = unscored ? run.Error ?? $"the score is {ParamValue.ToDisplayString(run.Score)}, not a finite number" : run.Error;
        if (error is not null)
        {
            writer.WriteString("error", error);
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

    /// <summary>Reads a run; see <see cref="RunFields"/> for the rules. Errors are <see cref="JsonException"/>s naming the field.</summary>
    /// <param name="element">The run's JSON object.</param>
    /// <param name="field">How messages name the run, e.g. <c>run_results[3]</c>; empty for a run on its own (a journal line).</param>
    /// <param name="stored">Whether a storage kept the run (see <see cref="RunFields.Read"/>).</param>
    public static RunResult Read(JsonElement element, string field = "", bool stored = false)
    {
        try
        {
            return RunFields.Read(element, field, stored);
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw JsonFields.Error(JsonFields.Member(field, "intermediate_values"), message);
        }
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

    public static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Pruned => "pruned",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
