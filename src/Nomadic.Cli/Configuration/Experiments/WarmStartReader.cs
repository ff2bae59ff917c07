using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Storage;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>
/// Reads the <c>enqueue</c> list (configurations to evaluate first) and the <c>warm_start</c> results file (runs the
/// tuner learns from without running them again) of an experiment file.
/// </summary>
internal static class WarmStartReader
{
    /// <summary>Reads <c>"enqueue": [{"x": 1, ...}, ...]</c>.</summary>
    /// <exception cref="InputException">The value is not a list of parameter objects.</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>>? ReadEnqueue(ConfigSection root)
    {
        if (root.Node("enqueue") is not ConfigNode node)
        {
            return null;
        }

        if (node is not ConfigList list)
        {
            throw root.WrongType("enqueue", node, "a list of parameter objects");
        }

        var configurations = new List<IReadOnlyDictionary<string, object?>>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is not ConfigMap map)
            {
                throw root.Error(list.Items[i].Position, $"\"enqueue[{i}]\" must be an object of parameter values, got {list.Items[i].Description}");
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (ConfigEntry entry in map.Entries)
            {
                values[entry.Key] = entry.Value is ConfigScalar scalar
                    ? scalar.Value
                    : throw root.Error(entry.Value.Position, $"\"enqueue[{i}].{entry.Key}\" must be a number, string, boolean or null, got {entry.Value.Description}");
            }

            configurations.Add(values);
        }

        return configurations;
    }

    /// <summary>Loads the runs of <c>"warm_start": "results.json"</c> (a results file written by <c>nomadic run</c>).</summary>
    /// <exception cref="InputException">The file is missing or is not a results file.</exception>
    public static IReadOnlyList<RunResult>? ReadPriorRuns(string? path, string experimentFile)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{experimentFile}: \"warm_start\": no such file {path}");
        }

        if (StorageUrl.IsSqliteFile(path))
        {
            throw new InputException($"{experimentFile}: \"warm_start\": {path} is a SQLite storage, not a results file; export an experiment from it first (nomadic export NAME --storage {path} --format json -o results.json)");
        }

        if (DataFileLimits.SizeProblem(path) is string tooLarge)
        {
            throw new InputException($"{experimentFile}: \"warm_start\": {tooLarge}");
        }

        try
        {
            return ExperimentResult.Load(path).RunResults;
        }
        catch (Exception e) when (e is ResultFormatException or System.Text.Json.JsonException)
        {
            throw new InputException($"{experimentFile}: \"warm_start\": {path} is not a results file: {e.Message.TrimEnd('.')}");
        }
    }
}
