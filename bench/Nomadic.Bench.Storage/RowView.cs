using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>
/// A result row as JSON, read the same way for both sides: ours (<see cref="StorageRow.ToJson"/>) and Optuna's
/// (<c>bench/optuna_storage.py</c>), which write the same fields.
/// </summary>
internal sealed class RowView(JsonNode node)
{
    public string Engine => (string)node["engine"]!;

    public string Mode => (string)node["mode"]!;

    public bool InProcess => Mode == "in-process";

    public int Processes => (int)node["processes"]!;

    public int N => (int)node["n"]!;

    public int Repeats => (int)node["repeats"]!;

    public bool Valid => (bool?)node["valid"] ?? false;

    public Stats RunsPerSecond => Stat("runs_per_s") ?? Stats.Of([]);

    public string Key => $"{Engine} {Mode} {Processes}";

    public string Label => InProcess ? "1, in process" : Processes.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The statistics at a path of field names, or null when missing.</summary>
    public Stats? Stat(params string[] path)
    {
        JsonNode? value = node;
        foreach (string name in path)
        {
            value = value?[name];
        }

        return value is null
            ? null
            : new Stats((double?)value["min"] ?? double.NaN, (double?)value["median"] ?? double.NaN, (double?)value["max"] ?? double.NaN, (int?)value["n"] ?? 0);
    }

    /// <summary>The fewest and most runs any one process wrote in a repeat, over all repeats.</summary>
    public (int Min, int Max)? OwnRunsRange()
    {
        int[] counts = [.. (node["own_runs_per_process"]?.AsArray() ?? []).OfType<JsonArray>().SelectMany(a => a.Select(v => (int)v!))];
        return counts.Length == 0 ? null : (counts.Min(), counts.Max());
    }
}
