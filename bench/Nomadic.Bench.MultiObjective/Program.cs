using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>
/// The hypervolume each tuner's front reaches on problems with two and three objectives within 50, 100 and 200 runs,
/// against Optuna's multi-objective TPE and NSGA-II on the same seeds, run in the same invocation.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) =>
        BenchHost.RunAsync(args, "nomadic-bench-multi-objective", MultiObjectiveOptions.Parse, MultiObjectiveOptions.Usage, o => o.Help, async (options, temp, log) =>
        {
            (JsonObject result, string markdown) = await RunAsync(options, temp, log).ConfigureAwait(false);
            string markdownPath = await BenchHost.WriteAsync(options.OutPath, result, markdown).ConfigureAwait(false);
            log.WriteLine($"Wrote {options.OutPath} and {markdownPath}.");
            return 0;
        });

    private static async Task<(JsonObject Result, string Markdown)> RunAsync(MultiObjectiveOptions options, string temp, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        JsonObject machine = Machine.Describe(options.RepositoryRoot);
        if ((bool?)machine["library_optimized"] != true || (bool?)machine["bench_optimized"] != true)
        {
            log.WriteLine("WARNING: not an optimized build; run with -c Release for meaningful numbers.");
        }

        var load = new JsonArray { Machine.LoadSnapshot("start") };
        log.WriteLine($"Ours: {options.Tuners.Count} tuners x {options.Problems.Count} problems x {options.Seeds} seeds ...");
        List<FrontRun> runs = await FrontBenchmark.RunAsync(options.Problems, options.Tuners, options.Seeds, options.Budgets, log).ConfigureAwait(false);
        double oursSeconds = clock.Elapsed.TotalSeconds;
        load.Add(Machine.LoadSnapshot("after ours"));
        OptunaFronts? optuna = !options.Optuna ? null
            : options.OptunaResults is string stored ? OptunaFronts.Read(stored)
            : await OptunaFronts.RunAsync(options, temp, log).ConfigureAwait(false);
        load.Add(Machine.LoadSnapshot("end"));
        (double formulas, double volumes, int studies) = optuna?.Check(options.Problems) ?? (double.NaN, double.NaN, 0);
        var table = new HypervolumeTable(options.Problems, options.Budgets, options.Seeds, runs, options.Tuners, optuna, options.OptunaSamplers);
        string header = $"Machine: {machine["cores"]} cores ({machine["cpu_model"]}), {machine["os"]}, {machine["dotnet"]}; library built optimized: {machine["library_optimized"]}. "
            + (optuna is null ? "No Optuna comparison." : $"Optuna studies: {studies} ({optuna.Source}); our formulas at Optuna's parameters agree with its values to {Fmt.G(formulas)} (relative), our hypervolume with Optuna's WFG to {Fmt.G(volumes)}.");
        string markdown = MultiObjectiveReport.Markdown(header, table);
        log.WriteLine();
        log.WriteLine(markdown);
        var result = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["machine"] = machine,
                ["load"] = load,
                ["argv"] = new JsonArray([.. Environment.GetCommandLineArgs().Skip(1).Select(a => (JsonNode?)JsonValue.Create(a))]),
                ["method"] = "one experiment of max(budgets) runs per (problem, tuner, seed) (auto: one per budget, as it plans by the budget), Seed = s, in memory, runs serial within an experiment, experiments in parallel over the cores; hypervolume of the first k runs' objective vectors against the problem's fixed reference point (maximized objectives negated), by the library's Hypervolume (exact; WFG for three objectives); Optuna's trials measured by the same code; percentiles = numpy linear interpolation",
                ["seeds"] = options.Seeds,
                ["budgets"] = new JsonArray([.. options.Budgets.Select(b => (JsonNode?)JsonValue.Create(b))]),
                ["tuners"] = new JsonArray([.. options.Tuners.Select(t => (JsonNode?)JsonValue.Create(t))]),
                ["ours_wall_s"] = Math.Round(oursSeconds, 1),
                ["optuna_source"] = optuna?.Source,
                ["optuna_meta"] = optuna?.Meta?.DeepClone(),
                ["check_formulas_max_relative_difference"] = Json.Number(formulas),
                ["check_hypervolume_vs_optuna_wfg_max_relative_difference"] = Json.Number(volumes),
                ["total_wall_s"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            },
            ["summary"] = MultiObjectiveReport.Summary(table),
            ["per_seed"] = MultiObjectiveReport.PerSeed(runs, options.Budgets),
        };
        return (result, markdown);
    }
}
