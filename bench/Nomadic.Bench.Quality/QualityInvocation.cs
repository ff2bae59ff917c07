using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>One invocation of the benchmark: the parts asked for, ours first and then Optuna's, and the report.</summary>
internal sealed class QualityInvocation(QualityOptions options, string temp, TextWriter log)
{
    private const int SuggestHistory = 1_000;
    private const int AutoHistory = 10_000;
    private const int TimedSuggestions = 50;
    private List<QualityRun> _runs = [];

    public async Task<(JsonObject Result, string Markdown)> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        JsonObject machine = Machine.Describe(options.RepositoryRoot);
        if ((bool?)machine["library_optimized"] != true || (bool?)machine["bench_optimized"] != true)
        {
            log.WriteLine("WARNING: not an optimized build; run with -c Release for meaningful numbers.");
        }

        var load = new JsonArray { Machine.LoadSnapshot("start") };
        SuiteFile suite = SuiteFile.Load(Path.Combine(options.SharedBench, "suite.json"));
        (int checkedValues, List<string> mismatches) = suite.CheckReferenceValues();
        log.WriteLine($"Suite: {checkedValues} reference values checked, {mismatches.Count} mismatches{string.Concat(mismatches.Select(m => Environment.NewLine + "  " + m))}");

        QualityTable? quality = options.Parts.Contains("quality") ? await QualityAsync(suite).ConfigureAwait(false) : null;
        load.Add(Machine.LoadSnapshot("after the quality part"));
        (List<SpeedRow> speed, OptunaOverhead? overhead) = options.Parts.Contains("speed") ? await SpeedAsync(suite).ConfigureAwait(false) : ([], null);
        var concurrency = new List<ConcurrencyRow>();
        if (options.Parts.Contains("concurrency"))
        {
            log.WriteLine("Concurrency: 80 runs of a 20 ms sleep, serial and 4 at a time ...");
            foreach (string tuner in new[] { "random", "tpe" })
            {
                concurrency.Add(await ConcurrencyCheck.MeasureAsync(tuner, 80, 20, 4).ConfigureAwait(false));
            }
        }

        load.Add(Machine.LoadSnapshot("end"));
        string header = $"Machine: {machine["cores"]} cores ({machine["cpu_model"]}), {machine["os"]}, {machine["dotnet"]}; library built optimized: {machine["library_optimized"]}. Suite reference values: {checkedValues} checked, {mismatches.Count} mismatches.";
        string markdown = QualityReport.Markdown(header, quality, speed, overhead, concurrency);
        log.WriteLine();
        log.WriteLine(markdown);
        var result = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["machine"] = machine,
                ["load"] = load,
                ["argv"] = new JsonArray([.. Environment.GetCommandLineArgs().Skip(1).Select(a => (JsonNode?)JsonValue.Create(a))]),
                ["method"] = "one experiment of max(budgets) runs per (function, tuner, seed), Direction.Minimize, Seed = s, in memory, runs serial within an experiment, experiments in parallel over the cores; best@k = min of the first k runs; regret = best - optimum; percentiles = numpy linear interpolation",
                ["suite_reference_values"] = new JsonObject { ["checked"] = checkedValues, ["mismatches"] = new JsonArray([.. mismatches.Select(m => (JsonNode?)JsonValue.Create(m))]) },
                ["seeds"] = options.Seeds,
                ["budgets"] = new JsonArray([.. options.Budgets.Select(b => (JsonNode?)JsonValue.Create(b))]),
                ["tuners"] = new JsonArray([.. options.Tuners.Select(t => (JsonNode?)JsonValue.Create(t))]),
                ["optuna_quality_source"] = quality?.Optuna?.Source,
                ["optuna_quality_meta"] = quality?.Optuna?.Meta?.DeepClone(),
                ["optuna_overhead_source"] = overhead?.Source,
                ["total_wall_s"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            },
            ["best_values"] = quality is null ? null : QualityJson.BestValues(_runs, options.Budgets),
            ["summary"] = quality is null ? null : QualityJson.Summary(quality),
            ["verdicts"] = quality is null ? null : QualityJson.Verdicts(quality),
            ["suggest_speed"] = new JsonArray([.. speed.Select(r => (JsonNode)r.ToJson())]),
            ["optuna_overhead"] = overhead?.Root.DeepClone(),
            ["concurrency"] = new JsonArray([.. concurrency.Select(c => (JsonNode)c.ToJson())]),
        };
        return (result, markdown);
    }

    private async Task<QualityTable> QualityAsync(SuiteFile suite)
    {
        List<SuiteFunction> functions = suite.Functions();
        if (options.Functions is { } wanted)
        {
            string? unknown = wanted.FirstOrDefault(w => functions.All(f => f.Name != w));
            functions = unknown is null ? [.. functions.Where(f => wanted.Contains(f.Name))] : throw new ArgumentException($"Unknown suite function '{unknown}'.");
        }

        log.WriteLine($"Quality: {functions.Count} functions x {options.Tuners.Count} tuners x {options.Seeds} seeds, {options.Budgets.Max()} runs each ...");
        _runs = await QualityBenchmark.RunAsync(functions, options.Tuners, options.Seeds, options.Budgets, log).ConfigureAwait(false);
        OptunaQuality? optuna = null;
        if (options.Optuna)
        {
            if (options.OptunaResults is string path)
            {
                optuna = OptunaQuality.Read(path);
            }
            else
            {
                log.WriteLine("Optuna quality baseline (tpe and random; about 5 min for the full suite with 30 seeds) ...");
                optuna = await OptunaQuality.RunAsync(options, functions.Select(f => f.Name), temp, log).ConfigureAwait(false);
            }
        }

        return new QualityTable(functions, options.Tuners, options.Budgets, options.Seeds, _runs, optuna);
    }

    private async Task<(List<SpeedRow>, OptunaOverhead?)> SpeedAsync(SuiteFile suite)
    {
        List<SuiteFunction> spaces = suite.Functions(overhead: true);
        log.WriteLine($"Suggestion speed: TPE at {SuggestHistory:N0} finished runs, the default tuner at {AutoHistory:N0} ...");
        var rows = new List<SpeedRow>();
        foreach (SuiteFunction space in spaces)
        {
            rows.Add(await SuggestSpeed.MeasureAsync(space, "tpe", SuggestHistory, TimedSuggestions, log).ConfigureAwait(false));
        }

        // With a known budget the default tuner's last tenth is local refinement; without one TPE goes on proposing.
        foreach (SuiteFunction space in spaces)
        {
            rows.Add(await SuggestSpeed.MeasureAsync(space, "auto", AutoHistory, TimedSuggestions, log).ConfigureAwait(false));
            rows.Add(await SuggestSpeed.MeasureAsync(space, "auto-no-refine", AutoHistory, TimedSuggestions, log).ConfigureAwait(false));
        }

        OptunaOverhead? overhead = null;
        if (options.Optuna)
        {
            if (options.OptunaOverhead is string path)
            {
                overhead = OptunaOverhead.Read(path);
            }
            else
            {
                log.WriteLine($"Optuna TPE at n = {SuggestHistory:N0} (x2 and mixed5, 3 repeats; about 2 min) ...");
                overhead = await OptunaOverhead.RunAsync(options, SuggestHistory, temp, log).ConfigureAwait(false);
            }
        }

        return (rows, overhead);
    }
}
