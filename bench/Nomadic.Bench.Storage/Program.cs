using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nomadic.Storage.Postgres;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Bench;

/// <summary>
/// Storage throughput: runs written per second with a trivial objective through the SQLite and PostgreSQL storages, in
/// this process and in several worker processes sharing one experiment, then the same in Optuna and the ratios.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args) =>
        args.Length > 0 && args[0] == Worker.Command
            ? await Worker.RunAsync(args[1..]).ConfigureAwait(false)
            : await BenchHost.RunAsync(args, "nomadic-storage-bench", StorageBenchOptions.Parse, StorageBenchOptions.Usage, o => o.Help, RunAsync).ConfigureAwait(false);

    private static async Task<int> RunAsync(StorageBenchOptions options, string temp, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        JsonObject machine = Machine.Describe(options.RepositoryRoot);
        machine["sqlite_version"] = Engines.SqliteVersion();
        machine["storage_libraries_optimized"] = Machine.IsOptimized(typeof(SqliteExperimentStorage).Assembly) && Machine.IsOptimized(typeof(PostgresExperimentStorage).Assembly);
        if ((bool?)machine["library_optimized"] != true || (bool?)machine["bench_optimized"] != true || (bool?)machine["storage_libraries_optimized"] != true)
        {
            log.WriteLine("WARNING: not an optimized build; run with -c Release for meaningful numbers.");
        }

        using PostgresServer? postgres = !options.UsePostgres ? null
            : options.Postgres is string given ? PostgresServer.Connect(given)
            : PostgresServer.StartLocal();
        JsonObject? server = postgres?.Describe();
        if (server is not null)
        {
            log.WriteLine($"PostgreSQL {server["server_version"]} at {server["host"]} (fsync {server["fsync"]}, synchronous_commit {server["synchronous_commit"]})");
        }

        var stores = new Stores(temp, postgres);
        var load = new JsonArray();
        var quiet = new JsonArray();
        WaitQuiet(options, log, quiet);
        JsonObject before = Machine.LoadSnapshot("before the Nomadic measurements");
        load.Add(before);
        log.WriteLine($"Machine: {machine["cores"]} cores, {machine["cpu_model"]}, {machine["os"]}, {machine["dotnet"]}; load {before["loadavg_1_5_15"]?.ToJsonString()}, other processes busy {before["cpu_busy_share_1s"]}");

        List<StorageConfig> configs = StorageBenchmark.Configs(options);
        log.WriteLine($"Nomadic: {configs.Count} configurations, {(options.Quick ? "no discarded round" : "a discarded round")}, then {options.Repeats} interleaved repeats");
        var benchmark = new StorageBenchmark(stores, log, options.WaitQuietSeconds);
        List<StorageRow> rows;
        var callTimes = new JsonArray();
        try
        {
            await benchmark.WarmUpAsync(options.Engines).ConfigureAwait(false);
            rows = await benchmark.RunAsync(configs, options.Repeats, discardRound: !options.Quick).ConfigureAwait(false);
            log.WriteLine("Storage calls ...");
            foreach (Engine engine in options.Engines)
            {
                callTimes.Add(await StorageCallTimes.MeasureAsync(stores, engine, engine == Engine.Sqlite ? options.NomadicSqliteN : options.NomadicPostgresN).ConfigureAwait(false));
            }
        }
        finally
        {
            stores.DropWarmUp();
        }

        load.Add(Machine.LoadSnapshot("after the Nomadic measurements"));
        double nomadicSeconds = clock.Elapsed.TotalSeconds;
        log.WriteLine($"Nomadic measurements took {nomadicSeconds:F1} s.");

        string? optunaText = null;
        string? optunaSource = null;
        if (options.Optuna)
        {
            if (options.OptunaJson is string path)
            {
                optunaText = await File.ReadAllTextAsync(path).ConfigureAwait(false);
                optunaSource = "read from " + path;
            }
            else
            {
                WaitQuiet(options, log, quiet);
                load.Add(Machine.LoadSnapshot("before the Optuna measurements"));
                log.WriteLine("Optuna ...");
                optunaText = await OptunaStorage.RunAsync(options, temp, postgres, log).ConfigureAwait(false);
                optunaSource = "run in this invocation";
                load.Add(Machine.LoadSnapshot("after the Optuna measurements"));
            }
        }

        JsonNode? optunaJson = optunaText is null ? null : OptunaStorage.ParseText(optunaText);
        List<RowView> optuna = optunaJson is null ? [] : OptunaStorage.Rows(optunaJson);
        JsonArray nomadicJson = [.. rows.Select(r => (JsonNode)r.ToJson())];
        List<RowView> nomadic = [.. nomadicJson.OfType<JsonNode>().Select(n => new RowView(n))];
        List<ThroughputComparison> comparisons = StorageReport.Compare(nomadic, optuna);
        JsonObject verdict = StorageReport.Verdict(nomadic, optuna, comparisons, Environment.ProcessorCount);
        string optunaLabel = optunaJson?["meta"]?["optuna"]?.GetValue<string>() is string version ? $"{version} ({optunaSource})" : optunaSource ?? "not run";

        string markdown = StorageReport.Markdown(machine, server, nomadic, optuna, comparisons, verdict, optunaLabel, benchmark.RoundLoad, optunaJson?["meta"]?["rounds_load"] as JsonArray) + StorageReport.CallsMarkdown(callTimes);
        if (options.Quick)
        {
            // After the title: the figures of a smoke test are not for comparison.
            markdown = markdown.Insert(markdown.IndexOf('\n', StringComparison.Ordinal) + 1, Environment.NewLine +
                "*Smoke test (--quick): one repeat of small budgets, not for comparison; the end of a shared experiment (up to 1 s) dominates the multi-process figures.*" + Environment.NewLine);
        }

        log.WriteLine();
        log.WriteLine(markdown);

        string[] argv = Environment.GetCommandLineArgs().Skip(1).ToArray();
        var result = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["machine"] = machine,
                ["postgres"] = server,
                ["load"] = load,
                ["wait_quiet_busy_share"] = quiet,
                ["nomadic_rounds_load"] = benchmark.RoundLoad,
                ["argv"] = new JsonArray([.. argv.Select(a => (JsonNode?)JsonValue.Create(a))]),
                ["command"] = "dotnet run -c Release --project bench/Nomadic.Bench.Storage -- " + string.Join(' ', argv),
                ["workload"] = "random search (RandomTuner, seeded) on x2 (BenchmarkFunctions.X2: f = x*x, x Uniform(-10, 10)), minimize, ExperimentOptions { Name, Storage, NumSamples = n, Seed }, RunAsync; storages with their default settings",
                ["timer"] = "Stopwatch (one monotonic clock for all processes). In process: runs/s = n / wall(RunAsync); opening the storage and creating the Experiment is timed apart (open_ms). Worker processes: each warms up, opens the storage and creates the Experiment, reports ready; then the clock starts, all are told to go (a line on standard input), and runs/s = n / (start signal -> last process exited). writes_per_s = n / (start -> last run written).",
                ["fresh_storage"] = "a new SQLite file or PostgreSQL database for every measurement, deleted afterwards; the stored trials are counted after each one",
                ["warmup"] = $"every measuring process (this one included) first runs {Worker.WarmUpPasses} passes of a {Worker.WarmUpRuns}-run experiment on a storage of its own, with a {Worker.WarmUpPauseMs} ms pause after each; {(options.Quick ? "no discarded round (--quick)" : "one discarded round of every configuration at full size")}",
                ["seeds"] = "repeat r uses Seed = r; worker process i uses r + 1000 i",
                ["repeats"] = "interleaved round-robin across configurations",
                ["quick"] = options.Quick,
                ["nomadic_wall_s"] = Math.Round(nomadicSeconds, 1),
                ["total_wall_s"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            },
            ["nomadic"] = nomadicJson,
            ["storage_calls"] = callTimes,
            ["comparison"] = new JsonArray([.. comparisons.Select(c => (JsonNode)c.ToJson())]),
            ["verdict"] = verdict,
            ["optuna_source"] = optunaSource,
            ["optuna"] = optunaJson,
        };

        string markdownPath = await BenchHost.WriteAsync(options.OutPath, result, markdown).ConfigureAwait(false);
        log.WriteLine($"Wrote {options.OutPath} and {markdownPath} ({clock.Elapsed.TotalSeconds:F0} s in total).");
        return 0;
    }

    private static void WaitQuiet(StorageBenchOptions options, TextWriter log, JsonArray record)
    {
        if (options.WaitQuietSeconds > 0)
        {
            double? busy = Machine.WaitQuiet(TimeSpan.FromSeconds(options.WaitQuietSeconds), log);
            record.Add(busy is double b ? Math.Round(b, 3) : null);
        }
    }
}
