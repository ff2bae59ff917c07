using System.Buffers;
using System.Text;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Serialization;

namespace Nomadic.Storage;

/// <summary>The JSON forms storages keep parameters, metadata and runs in, with every value's type preserved.</summary>
public static class StorageJson
{
    /// <summary>Writes named values (parameters, metadata, settings) as a JSON object.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The JSON text.</returns>
    public static string WriteValues(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Write(writer => JsonValues.WriteObject(writer, values));
    }

    /// <summary>Reads a JSON object written by <see cref="WriteValues"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The values, each with its type (int, long, double, bool, string, null, nested lists and objects).</returns>
    /// <exception cref="StorageException">The text is not a JSON object, or holds a number no double holds (<c>1e309</c>).</exception>
    public static Dictionary<string, object?> ReadValues(string json) => ReadValues(json, null);

    /// <summary>Reads named values sent or stored as a JSON object, with messages that name the field at fault.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">How messages name the object, e.g. <c>settings</c>, so they name a value as <c>settings.seed</c>; <see langword="null"/> for stored values.</param>
    /// <returns>The values, each with its type (int, long, double, bool, string, null, nested lists and objects).</returns>
    /// <exception cref="StorageException">The text is not a JSON object, or holds a number no double holds (<c>1e309</c>).</exception>
    public static Dictionary<string, object?> ReadValues(string json, string? name)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return JsonValues.ReadObject(document.RootElement, name ?? "");
        }
        catch (JsonException e)
        {
            string problem = ExperimentResultJson.Describe(e);
            throw new StorageException(name is null ? "Stored values are not valid: " + problem : problem, e);
        }
    }

    /// <summary>Writes a whole run (score, status, params, metadata, error, timing, baseline mark) as JSON.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The JSON text.</returns>
    public static string WriteRun(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Write(writer => RunJson.Write(writer, run));
    }

    /// <summary>
    /// Reads a run written by <see cref="WriteRun"/>, with the rules of result files, except that a completed run kept
    /// without a finite score (which earlier releases stored) reads as failed, as <see cref="WriteRun"/> writes it now.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The run.</returns>
    /// <exception cref="StorageException">The text is not a valid run.</exception>
    public static RunResult ReadRun(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return RunJson.Read(document.RootElement, stored: true);
        }
        catch (JsonException e)
        {
            throw new StorageException("A stored run is not valid: " + ExperimentResultJson.Describe(e), e);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
