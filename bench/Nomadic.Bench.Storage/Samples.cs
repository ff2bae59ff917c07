using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>One measured configuration: an engine, in the benchmark's own process or in worker processes, and the shared budget.</summary>
internal sealed record StorageConfig(Engine Engine, bool InProcess, int Processes, int N)
{
    public string Mode => InProcess ? "in-process" : "processes";

    public string Label => InProcess ? $"{Engines.Name(Engine)}_inproc" : $"{Engines.Name(Engine)}_p{Processes}";

    public override string ToString() => $"{Engines.Name(Engine)} {(InProcess ? "in-process" : $"{Processes} process(es)")} n={N}";
}

/// <summary>
/// One repeat. Times in ms from the start of the runs: in process from the start of <c>RunAsync</c> to its return; with
/// worker processes from the start signal to the last exit (<see cref="WallMs"/>), to the last run written
/// (<see cref="LastRunMs"/>) and to the last <c>RunAsync</c> return (<see cref="DoneMs"/>).
/// </summary>
internal sealed record StorageSample(
    int N,
    double WallMs,
    double LastRunMs,
    double DoneMs,
    double OpenMs,
    double Head10Us,
    double Tail10Us,
    IReadOnlyList<ProcessTimes> Processes,
    IReadOnlyDictionary<string, int> StoredCounts,
    string? Problem)
{
    public double RunsPerSecond => N / (WallMs / 1e3);

    public double WritesPerSecond => N / (LastRunMs / 1e3);
}

/// <summary>The repeats of one configuration.</summary>
internal sealed record StorageRow(StorageConfig Config, IReadOnlyList<StorageSample> Samples)
{
    public Stats RunsPerSecond => Of(s => s.RunsPerSecond);

    public Stats WritesPerSecond => Of(s => s.WritesPerSecond);

    public Stats WallMs => Of(s => s.WallMs);

    public Stats OpenMs => Of(s => s.OpenMs);

    public bool Valid => Samples.All(s => s.Problem is null);

    /// <summary>Min, median and max of a measure over the repeats that did not fail.</summary>
    public Stats Of(Func<StorageSample, double> measure) => Stats.Of(Samples.Select(measure).Where(double.IsFinite));

    /// <summary>A per-process time: the slowest process of each repeat, then min/median/max over the repeats.</summary>
    public Stats Slowest(Func<ProcessTimes, double> time) =>
        Stats.Of(Samples.Where(s => s.Processes.Count > 0).Select(s => s.Processes.Max(time)));

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["engine"] = Engines.Name(Config.Engine),
            ["mode"] = Config.Mode,
            ["processes"] = Config.Processes,
            ["n"] = Config.N,
            ["repeats"] = Samples.Count,
            ["runs_per_s"] = RunsPerSecond.ToJson(),
            ["writes_per_s"] = WritesPerSecond.ToJson(),
            ["wall_ms"] = WallMs.ToJson(),
            ["open_ms"] = OpenMs.ToJson(),
            ["head10_per_run_us"] = Of(s => s.Head10Us).ToJson(),
            ["tail10_per_run_us"] = Of(s => s.Tail10Us).ToJson(),
            ["raw_runs_per_s"] = Json.Array(Samples.Select(s => s.RunsPerSecond)),
            ["stored_counts"] = new JsonArray([.. Samples.Select(s => (JsonNode)new JsonObject([.. s.StoredCounts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]))]),
            ["valid"] = Valid,
            ["problems"] = new JsonArray([.. Samples.Where(s => s.Problem is not null).Select(s => (JsonNode?)s.Problem)]),
        };
        if (!Config.InProcess)
        {
            json["per_process_slowest_ms"] = new JsonObject
            {
                ["runtime_start"] = Slowest(p => p.RuntimeStartMs).ToJson(),
                ["warm_up"] = Slowest(p => p.WarmUpMs).ToJson(),
                ["open"] = Slowest(p => p.OpenMs).ToJson(),
                ["spawn_to_ready"] = Slowest(p => p.ReadyMs).ToJson(),
                ["go_latency"] = Slowest(p => p.GoLatencyMs).ToJson(),
                ["wait_after_own_last_run"] = Slowest(p => p.DoneMs - p.LastRunMs).ToJson(),
                ["exit_after_run"] = Slowest(p => p.ExitMs - p.DoneMs).ToJson(),
            };
            json["own_runs_per_process"] = new JsonArray([.. Samples.Select(s => (JsonNode)new JsonArray([.. s.Processes.Select(p => (JsonNode?)p.OwnRuns)]))]);
            json["last_run_ms"] = Of(s => s.LastRunMs).ToJson();
            json["done_ms"] = Of(s => s.DoneMs).ToJson();
        }

        return json;
    }
}
