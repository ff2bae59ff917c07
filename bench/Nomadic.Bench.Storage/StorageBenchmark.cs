using System.Diagnostics;
using System.Text.Json.Nodes;
using Nomadic.Experiments;
using Nomadic.Storage;

namespace Nomadic.Bench;

/// <summary>
/// Runs written per second through the library's storages: each configuration once, discarded, then the repeats
/// interleaved round-robin across configurations. Every measurement writes to a new SQLite file or PostgreSQL database.
/// </summary>
internal sealed class StorageBenchmark(Stores stores, TextWriter log, double waitQuietSeconds)
{
    private readonly RoundLoad _rounds = new(new CpuAccounting(stores.Postgres?.PostmasterPid), waitQuietSeconds, log);

    /// <summary>Gets one record per round: other processes' share of the CPUs before and during it, and whether it was kept.</summary>
    public JsonArray RoundLoad => _rounds.Records;

    /// <summary>Gets the share of the CPUs other processes may use during a round before it is repeated (with --wait-quiet).</summary>
    public static double DisturbedShare => 0.10;

    /// <summary>Gets the most rounds run per repeat asked for, counting the repeated ones (with --wait-quiet).</summary>
    public static int MaxAttemptsPerRepeat => 3;

    public static List<StorageConfig> Configs(StorageBenchOptions options)
    {
        var configs = new List<StorageConfig>();
        foreach (Engine engine in options.Engines)
        {
            int n = engine == Engine.Sqlite ? options.NomadicSqliteN : options.NomadicPostgresN;
            configs.Add(new StorageConfig(engine, InProcess: true, 1, n));
            foreach (int k in engine == Engine.Sqlite ? options.SqliteProcesses : options.PostgresProcesses)
            {
                configs.Add(new StorageConfig(engine, InProcess: false, k, n));
            }
        }

        return configs;
    }

    /// <summary>The warm-up of this process, as every worker does its own.</summary>
    public async Task WarmUpAsync(IEnumerable<Engine> engines)
    {
        foreach (Engine engine in engines)
        {
            await Worker.WarmUpAsync(engine, stores.WarmUp(engine), $"host-warmup-{Engines.Name(engine)}", 0).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The measured rounds. With <c>--wait-quiet</c>, a round during which other processes used more than
    /// <see cref="DisturbedShare"/> of the CPUs is repeated, up to <see cref="MaxAttemptsPerRepeat"/> rounds per repeat
    /// in all; rounds are kept regardless once the attempts left are only enough for the repeats still missing.
    /// </summary>
    public async Task<List<StorageRow>> RunAsync(IReadOnlyList<StorageConfig> configs, int repeats, bool discardRound)
    {
        if (discardRound)
        {
            JsonObject round = _rounds.Before("discarded round");
            log.Write("  discarded round:");
            foreach (StorageConfig config in configs)
            {
                StorageSample sample = await MeasureAsync(config, -1, 0).ConfigureAwait(false);
                log.Write($" {config.Label} {sample.RunsPerSecond:F0}/s;");
            }

            _rounds.After(round);
        }

        var samples = configs.Select(_ => new List<StorageSample>()).ToArray();
        int maxAttempts = waitQuietSeconds > 0 ? repeats * MaxAttemptsPerRepeat : repeats;
        for (int attempt = 1, rep = 0; rep < repeats && attempt <= maxAttempts; attempt++)
        {
            JsonObject round = _rounds.Before($"repeat {rep + 1}, attempt {attempt}");
            log.Write($"  repeat {rep + 1}/{repeats}:");
            var roundSamples = new List<StorageSample>();
            foreach (StorageConfig config in configs)
            {
                StorageSample sample = await MeasureAsync(config, rep, attempt).ConfigureAwait(false);
                roundSamples.Add(sample);
                log.Write($" {config.Label} {sample.RunsPerSecond:F0}/s{(sample.Problem is null ? "" : " INVALID")};");
            }

            double? others = _rounds.After(round);
            bool disturbed = others > DisturbedShare && maxAttempts - attempt >= repeats - rep;
            round["kept"] = !disturbed;
            if (disturbed)
            {
                log.WriteLine("    disturbed by other processes: repeated");
                continue;
            }

            for (int i = 0; i < configs.Count; i++)
            {
                samples[i].Add(roundSamples[i]);
            }

            rep++;
        }

        return [.. configs.Select((c, i) => new StorageRow(c, samples[i]))];
    }

    private async Task<StorageSample> MeasureAsync(StorageConfig config, int rep, int attempt)
    {
        string label = rep < 0 ? $"{config.Label}_w" : $"{config.Label}_r{rep}_a{attempt}";
        string name = "x2-" + label;
        int seed = Math.Max(rep, 0);
        string location = stores.Fresh(config.Engine, label);
        try
        {
            StorageSample sample;
            try
            {
                sample = config.InProcess
                    ? await InProcessAsync(config, location, name, seed).ConfigureAwait(false)
                    : await ProcessesAsync(config, location, name, seed).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or StorageException)
            {
                log.WriteLine($"  {config} repeat {rep} failed: {e.Message}");
                return Failed(config, e.Message);
            }

            StoredExperiment? stored = Stores.Find(config.Engine, location, name);
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach ((TrialState state, int count) in stored?.TrialCounts ?? new Dictionary<TrialState, int>())
            {
                counts[state.ToString().ToLowerInvariant()] = count;
            }

            int own = config.InProcess ? config.N : sample.Processes.Sum(p => p.OwnRuns);
            int completed = counts.GetValueOrDefault("completed");
            string? problem = completed != config.N || own != config.N || counts.GetValueOrDefault("running") != 0
                ? $"expected {config.N} completed runs: stored {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}; the processes reported {own} runs"
                : null;
            if (problem is not null)
            {
                log.WriteLine($"  {config} repeat {rep}: {problem}");
            }

            return sample with { StoredCounts = counts, Problem = problem };
        }
        finally
        {
            stores.Remove(config.Engine, label);
        }
    }

    private static StorageSample Failed(StorageConfig config, string problem) =>
        new(config.N, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, [], new Dictionary<string, int>(), "failed: " + problem);

    private static async Task<StorageSample> InProcessAsync(StorageConfig config, string location, string name, int seed)
    {
        long t0 = Stopwatch.GetTimestamp();
        using IExperimentStorage storage = Engines.Open(config.Engine, location);
        var stamps = new RunStamps(config.N);
        Experiment experiment = X2Run.Create(storage, name, config.N, seed, stamps);
        double openMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        RunTimes times = await X2Run.RunAsync(experiment, stamps).ConfigureAwait(false);
        return new StorageSample(
            config.N,
            times.WallMs,
            Stopwatch.GetElapsedTime(times.Start, times.LastRun).TotalMilliseconds,
            times.WallMs,
            openMs,
            times.Head10Us,
            times.Tail10Us,
            [],
            new Dictionary<string, int>(),
            null);
    }

    private async Task<StorageSample> ProcessesAsync(StorageConfig config, string location, string name, int seed)
    {
        (double wallMs, List<ProcessTimes> processes) = await WorkerGroup.RunAsync(
            config.Engine, location, () => stores.WarmUp(config.Engine), name, config.N, config.Processes, seed, log).ConfigureAwait(false);
        return new StorageSample(
            config.N,
            wallMs,
            processes.Max(p => p.LastRunMs),
            processes.Max(p => p.DoneMs),
            processes.Max(p => p.OpenMs),
            Stats.Of(processes.Select(p => p.Head10Us)).Median,
            Stats.Of(processes.Select(p => p.Tail10Us)).Median,
            processes,
            new Dictionary<string, int>(),
            null);
    }
}
