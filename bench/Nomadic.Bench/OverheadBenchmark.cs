using System.Diagnostics;
using System.Text.Json.Nodes;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>How the benchmark drives an experiment.</summary>
internal enum Driver
{
    /// <summary><see cref="Experiment.RunAsync"/>: the experiment calls the objective itself.</summary>
    RunAsync,

    /// <summary>A plain loop of <see cref="Experiment.Ask"/> and <see cref="Experiment.Tell(Trial, double)"/>.</summary>
    AskTell,
}

/// <summary>Where an experiment keeps its runs.</summary>
internal enum StorageKind
{
    /// <summary>The default: runs in the experiment's memory only.</summary>
    Memory,

    /// <summary>A results journal (<see cref="ExperimentOptions.JournalPath"/>) in a temporary directory.</summary>
    Journal,

    /// <summary>The shared-storage path with <see cref="Nomadic.Storage.InMemoryExperimentStorage"/>.</summary>
    InMemoryStorage,
}

/// <summary>One measured configuration.</summary>
internal sealed record OverheadConfig(Workload Workload, string Tuner, StorageKind StorageKind, Driver Driver, int N, int Repeats)
{
    public bool Journal => StorageKind == StorageKind.Journal;

    public string Storage => StorageKind switch
    {
        StorageKind.Journal => "journal",
        StorageKind.InMemoryStorage => "InMemoryExperimentStorage",
        _ => "memory",
    };

    public string DriverName => Driver == Driver.RunAsync ? "RunAsync" : "ask/tell";

    public override string ToString() => $"{Workload.Name} {Tuner} {Storage} {DriverName} n={N}";
}

/// <summary>One repeat of one configuration.</summary>
internal sealed record OverheadSample(
    double CreateMs,
    double TotalMs,
    double PerTrialUs,
    double Head10Us,
    double Tail10Us,
    double AllocatedBytesPerTrial,
    int Gen0,
    int Gen1,
    int Gen2,
    double GcPauseMs,
    double JournalBytesPerTrial,
    double BestValue);

/// <summary>The repeats of one configuration.</summary>
internal sealed record OverheadRow(OverheadConfig Config, IReadOnlyList<OverheadSample> Samples)
{
    public Stats PerTrialUs => Stats.Of(Samples.Select(s => s.PerTrialUs));

    public Stats Tail10Us => Stats.Of(Samples.Select(s => s.Tail10Us));

    public Stats Head10Us => Stats.Of(Samples.Select(s => s.Head10Us));

    public Stats CreateMs => Stats.Of(Samples.Select(s => s.CreateMs));

    public Stats TotalMs => Stats.Of(Samples.Select(s => s.TotalMs));

    public double AllocatedBytesPerTrial => Stats.Of(Samples.Select(s => s.AllocatedBytesPerTrial)).Median;

    public double GcPauseShare => Stats.Of(Samples.Select(s => s.TotalMs > 0 ? s.GcPauseMs / s.TotalMs : double.NaN)).Median;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["space"] = Config.Workload.Name,
            ["tuner"] = Config.Tuner,
            ["storage"] = Config.Storage,
            ["driver"] = Config.DriverName,
            ["n"] = Config.N,
            ["repeats"] = Samples.Count,
            ["per_trial_ms"] = Scale(PerTrialUs, 1e-3).ToJson(),
            ["per_trial_us"] = PerTrialUs.ToJson(),
            ["head10_per_trial_us"] = Head10Us.ToJson(),
            ["tail10_per_trial_us"] = Tail10Us.ToJson(),
            ["total_ms"] = TotalMs.ToJson(),
            ["create_experiment_ms"] = CreateMs.ToJson(),
            ["allocated_bytes_per_trial_median"] = Json.Number(AllocatedBytesPerTrial),
            ["gc_pause_share_median"] = Json.Number(GcPauseShare),
            ["gc_collections_gen0_gen1_gen2_median"] = new JsonArray(
                Json.Number(Stats.Of(Samples.Select(s => (double)s.Gen0)).Median),
                Json.Number(Stats.Of(Samples.Select(s => (double)s.Gen1)).Median),
                Json.Number(Stats.Of(Samples.Select(s => (double)s.Gen2)).Median)),
            ["raw_per_trial_us"] = Json.Array(Samples.Select(s => s.PerTrialUs)),
            ["best_value_median"] = Json.Number(Stats.Of(Samples.Select(s => s.BestValue)).Median),
        };
        if (Config.Journal)
        {
            json["journal_bytes_per_trial"] = Json.Number(Samples[^1].JournalBytesPerTrial);
        }

        return json;
    }

    private static Stats Scale(Stats s, double factor) => new(s.Min * factor, s.Median * factor, s.Max * factor, s.Count);
}

/// <summary>
/// Wall time per trial of whole experiments with trivial objectives: repeats interleaved round-robin across the
/// configurations, after a discarded warm-up, min and median reported.
/// </summary>
internal sealed class OverheadBenchmark(string tempDirectory, TextWriter log)
{
    public static List<OverheadConfig> Configs(int[] sizes, bool quick)
    {
        int big = quick ? 1_000 : 10_000;
        int Repeats(int n) => quick ? 3 : n switch
        {
            <= 100 => 31,
            <= 1_000 => 15,
            <= 10_000 => 9,
            _ => 5,
        };
        int journalRepeats = quick ? 3 : 7;
        var configs = new List<OverheadConfig>();
        foreach (Workload workload in Workloads.Random)
        {
            foreach (int n in sizes)
            {
                configs.Add(new OverheadConfig(workload, "random", StorageKind.Memory, Driver.RunAsync, n, Repeats(n)));
            }

            configs.Add(new OverheadConfig(workload, "random", StorageKind.Memory, Driver.AskTell, big, Repeats(big)));
            configs.Add(new OverheadConfig(workload, "random", StorageKind.Journal, Driver.RunAsync, big, journalRepeats));
            configs.Add(new OverheadConfig(workload, "random", StorageKind.InMemoryStorage, Driver.RunAsync, big / 10, Repeats(big / 10)));
            configs.Add(new OverheadConfig(workload, "random", StorageKind.InMemoryStorage, Driver.RunAsync, big, journalRepeats));
        }

        configs.Add(new OverheadConfig(Workloads.Grid100x100, "grid", StorageKind.Memory, Driver.RunAsync, 10_000, Repeats(10_000)));
        configs.Add(new OverheadConfig(Workloads.Grid100x100, "grid", StorageKind.Journal, Driver.RunAsync, 10_000, journalRepeats));
        return configs;
    }

    /// <summary>The first experiment of the process, before any warm-up: includes JIT compilation of the library.</summary>
    public async Task<OverheadSample> ColdAsync()
    {
        var config = new OverheadConfig(Workloads.X2, "random", StorageKind.Memory, Driver.RunAsync, 100, 1);
        return await RunOnceAsync(config, 0).ConfigureAwait(false);
    }

    public async Task<List<OverheadRow>> RunAsync(IReadOnlyList<OverheadConfig> configs)
    {
        // Warm-up, discarded: every configuration runs at full size so all paths are compiled, then a pause lets the
        // runtime finish its background (tier-1) recompilation, then one more round on optimized code.
        for (int round = 0; round < 3; round++)
        {
            foreach (OverheadConfig config in configs)
            {
                await RunOnceAsync(config, 1000 + round).ConfigureAwait(false);
            }

            Thread.Sleep(round == 1 ? 500 : 50);
        }

        var samples = configs.Select(_ => new List<OverheadSample>()).ToArray();
        int maxRepeats = configs.Max(c => c.Repeats);
        for (int rep = 0; rep < maxRepeats; rep++)
        {
            for (int i = 0; i < configs.Count; i++)
            {
                if (rep < configs[i].Repeats)
                {
                    samples[i].Add(await RunOnceAsync(configs[i], rep).ConfigureAwait(false));
                }
            }

            log.Write(rep % 10 == 9 ? $"{rep + 1}" : ".");
        }

        log.WriteLine();
        return [.. configs.Select((c, i) => new OverheadRow(c, samples[i]))];
    }

    private async Task<OverheadSample> RunOnceAsync(OverheadConfig config, int rep)
    {
        Workload workload = config.Workload;
        SearchSpace space = workload.CreateSpace();
        string? journal = null;
        if (config.Journal)
        {
            journal = Path.Combine(tempDirectory, $"journal-{workload.Name}-{config.Tuner}-{config.N}-{rep}.jsonl");
            File.Delete(journal);
        }

        var stamps = new StampRecorder(config.N);
        using var storage = config.StorageKind == StorageKind.InMemoryStorage ? new InMemoryExperimentStorage() : null;
        var options = new ExperimentOptions
        {
            Name = storage is null ? null : $"bench-{workload.Name}-{rep}",
            Storage = storage,
            NumSamples = config.Tuner == "random" ? config.N : null,
            Seed = rep,
            Tuner = config.Tuner == "random" ? new RandomTuner() : new GridTuner(),
            JournalPath = journal,
            Direction = Direction.Minimize,
            Progress = stamps,
        };
        Func<IReadOnlyDictionary<string, object?>, double> objective = workload.Objective;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        TimeSpan pause = GC.GetTotalPauseDuration();
        long allocated = GC.GetAllocatedBytesForCurrentThread();

        long t0 = Stopwatch.GetTimestamp();
        var experiment = new Experiment(space, objective, options);
        long t1 = Stopwatch.GetTimestamp();
        ExperimentResult result;
        if (config.Driver == Driver.RunAsync)
        {
            result = await experiment.RunAsync().ConfigureAwait(false);
        }
        else
        {
            while (experiment.Ask() is Trial trial)
            {
                experiment.Tell(trial, objective(trial.Params));
            }

            result = experiment.Result;
        }

        long t2 = Stopwatch.GetTimestamp();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        pause = GC.GetTotalPauseDuration() - pause;
        gen0 = GC.CollectionCount(0) - gen0;
        gen1 = GC.CollectionCount(1) - gen1;
        gen2 = GC.CollectionCount(2) - gen2;

        int n = config.N;
        if (result.Count != n || stamps.Count != n)
        {
            throw new InvalidOperationException($"{config}: expected {n} runs, got {result.Count} ({stamps.Count} reported).");
        }

        double journalBytes = 0;
        if (journal is not null)
        {
            journalBytes = new FileInfo(journal).Length / (double)n;
            File.Delete(journal);
        }

        int k = Math.Max(1, n / 10);
        ReadOnlySpan<long> s = stamps.Stamps;
        double totalMs = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
        return new OverheadSample(
            CreateMs: Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds,
            TotalMs: totalMs,
            PerTrialUs: totalMs * 1e3 / n,
            Head10Us: Stopwatch.GetElapsedTime(t1, s[k - 1]).TotalMicroseconds / k,
            Tail10Us: n > k ? Stopwatch.GetElapsedTime(s[n - k - 1], s[n - 1]).TotalMicroseconds / k : totalMs * 1e3 / n,
            AllocatedBytesPerTrial: allocated / (double)n,
            Gen0: gen0,
            Gen1: gen1,
            Gen2: gen2,
            GcPauseMs: pause.TotalMilliseconds,
            JournalBytesPerTrial: journalBytes,
            BestValue: result.BestRunResult.Score);
    }
}

/// <summary>Records a timestamp as each run finishes (the experiment's progress callback).</summary>
internal sealed class StampRecorder(int capacity) : IProgress<RunResult>
{
    private readonly long[] _stamps = new long[capacity];

    public int Count { get; private set; }

    public ReadOnlySpan<long> Stamps => _stamps.AsSpan(0, Count);

    public void Report(RunResult value)
    {
        if (Count < _stamps.Length)
        {
            _stamps[Count++] = Stopwatch.GetTimestamp();
        }
    }
}
