using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>
/// Framework overhead per trial with trivial objectives: random and grid search, in memory and with the results
/// journal, RunAsync and the plain ask/tell loop, ToDataFrame on large results, then the same work in Optuna (the
/// shared baseline script) and the ratios.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) =>
        BenchHost.RunAsync(args, "nomadic-bench", BenchOptions.Parse, BenchOptions.Usage, o => o.Help, RunAsync);

    private static async Task<int> RunAsync(BenchOptions options, string temp, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        JsonObject machine = Machine.Describe(options.RepositoryRoot);
        if ((bool?)machine["library_optimized"] != true || (bool?)machine["bench_optimized"] != true)
        {
            log.WriteLine("WARNING: not an optimized build; run with -c Release for meaningful numbers.");
        }

        var load = new JsonArray();
        double? quiet = null;
        if (options.WaitQuietSeconds > 0)
        {
            quiet = Machine.WaitQuiet(TimeSpan.FromSeconds(options.WaitQuietSeconds), log);
        }

        JsonObject before = Machine.LoadSnapshot("before the Nomadic measurements");
        load.Add(before);
        log.WriteLine($"Machine: {machine["cores"]} cores, {machine["cpu_model"]}, {machine["os"]}, {machine["dotnet"]}; load {before["loadavg_1_5_15"]?.ToJsonString()}, other processes busy {before["cpu_busy_share_1s"]}");

        var overhead = new OverheadBenchmark(temp, log);
        OverheadSample cold = await overhead.ColdAsync().ConfigureAwait(false);
        List<OverheadConfig> configs = OverheadBenchmark.Configs(options.Sizes, options.Quick);
        log.Write($"Overhead: {configs.Count} configurations, warm-up then up to {configs.Max(c => c.Repeats)} interleaved rounds ");
        List<OverheadRow> rows = await overhead.RunAsync(configs).ConfigureAwait(false);

        int[] frameSizes = options.Quick ? [5_000, 20_000] : [5_000, 100_000];
        log.Write("ToDataFrame ");
        List<DataFrameRow> frames = DataFrameBenchmark.Run(frameSizes, options.Quick ? 3 : 9, log);

        var profile = new List<ProfileRow>();
        if (options.Profile)
        {
            log.WriteLine("Hot-path breakdown ...");
            var profiler = new HotPathProfile(temp, 10_000, 7);
            foreach (Workload workload in Workloads.Random)
            {
                profile.AddRange(profiler.Run(workload));
            }

            profile.AddRange(HotPathProfile.StorageCalls(Workloads.X2));
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
                log.WriteLine(options.OptunaQuick ? "Optuna baseline (--quick, about 10 s) ..." : "Optuna baseline (full run, 5 to 11 min) ...");
                optunaText = await OptunaBaseline.RunAsync(options, temp, log).ConfigureAwait(false);
                optunaSource = options.OptunaQuick ? "run in this invocation with --quick" : "run in this invocation, full";
                load.Add(Machine.LoadSnapshot("after the Optuna run"));
            }
        }

        JsonNode? optunaJson = optunaText is null ? null : OptunaBaseline.ParseText(optunaText);
        List<OptunaRow> optuna = optunaJson is null ? [] : OptunaBaseline.Parse(optunaJson);
        string optunaLabel = optunaJson?["meta"]?["optuna"]?.GetValue<string>() is string version
            ? $"{version} ({optunaSource})"
            : optunaSource ?? "";
        List<Comparison> comparisons = Report.Compare(rows, optuna);
        JsonObject verdict = Report.Verdict(comparisons);

        string markdown = Report.Markdown(machine, rows, cold, frames, profile, optuna, optunaLabel, comparisons, verdict);
        log.WriteLine();
        log.WriteLine(markdown);

        var result = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["machine"] = machine,
                ["load"] = load,
                ["wait_quiet_busy_share"] = quiet is double q ? Math.Round(q, 3) : null,
                ["argv"] = new JsonArray([.. Environment.GetCommandLineArgs().Skip(1).Select(a => (JsonNode?)JsonValue.Create(a))]),
                ["command"] = "dotnet run -c Release --project bench/Nomadic.Bench -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                ["timer"] = "Stopwatch; per_trial = wall(RunAsync, or the ask/tell loop) / n; creating the Experiment is timed apart (create_experiment_ms). RunAsync's wall time includes building the ExperimentResult at the end.",
                ["head10/tail10"] = "mean per-trial time over the first / last 10% of trials, from a timestamp taken in ExperimentOptions.Progress after each run",
                ["process"] = "single process, sequential; repeats interleaved round-robin across configurations; GC.Collect before each repeat",
                ["seeds"] = "repeat r uses Seed = r",
                ["warmup"] = "a first (cold) experiment, reported apart; then 3 discarded rounds of every configuration at full size, with a pause for background JIT recompilation",
                ["objectives"] = new JsonObject
                {
                    ["x2"] = Workloads.X2.Description,
                    ["mixed5"] = Workloads.Mixed5.Description,
                    ["grid100x100"] = Workloads.Grid100x100.Description,
                },
                ["quick"] = options.Quick,
                ["nomadic_wall_s"] = Math.Round(nomadicSeconds, 1),
                ["total_wall_s"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            },
            ["overhead"] = new JsonArray([.. rows.Select(r => (JsonNode)r.ToJson())]),
            ["cold_first_experiment"] = new JsonObject
            {
                ["space"] = "x2",
                ["n"] = 100,
                ["create_experiment_ms"] = Json.Number(cold.CreateMs),
                ["run_ms"] = Json.Number(cold.TotalMs),
                ["per_trial_us"] = Json.Number(cold.PerTrialUs),
            },
            ["to_dataframe"] = new JsonArray([.. frames.Select(f => (JsonNode)f.ToJson())]),
            ["hot_path"] = new JsonArray([.. profile.Select(p => (JsonNode)p.ToJson())]),
            ["comparison"] = new JsonArray([.. comparisons.Select(c => (JsonNode)c.ToJson())]),
            ["verdict"] = verdict,
            ["optuna_source"] = optunaSource,
            ["optuna"] = optunaJson,
        };

        string markdownPath = await BenchHost.WriteAsync(options.OutPath, result, markdown).ConfigureAwait(false);
        log.WriteLine($"Wrote {options.OutPath} and {markdownPath} ({clock.Elapsed.TotalSeconds:F0} s in total).");
        return 0;
    }
}
