using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Nomadic.Analysis;

namespace Nomadic.Bench;

/// <summary>Runs the comparison with Optuna and the timing, and builds the JSON result and the Markdown tables.</summary>
internal sealed class ImportanceBenchmark(ImportanceBenchOptions options, string temp, TextWriter log)
{
    private static readonly ImportanceOptions Forest = new() { Seed = 0 };
    private static readonly ImportanceOptions LinearForest = new() { Seed = 0, LogScaleForLogDomains = false };

    // Monte Carlo draws of the other parameters for the exact main effects; the same draws serve every value.
    private const int ExactDraws = 4000;

    public async Task<(JsonObject Result, string Markdown)> RunAsync()
    {
        JsonNode suite = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(options.SharedBench, "suite.json")).ConfigureAwait(false))!;
        var parameters = suite["functions"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!["params"]!.AsArray());
        List<ImportanceFunction> functions = [.. SuiteFile.Load(Path.Combine(options.SharedBench, "suite.json")).Functions()
            .Select(f => ImportanceFunction.FromSuite(f, parameters[f.Name]))
            .Concat(ConditionalFunctions.All)
            .Where(f => options.Functions is null || options.Functions.Contains(f.Name))];
        List<SampledRuns> samples = [.. functions.Select(f => SampledRuns.Draw(f, options.Runs, options.Seed))];
        var ours = samples.Select(s => Timed(s)).ToList();
        JsonNode? optuna = options.Optuna ? await OptunaImportance.RunAsync(options, samples, temp, log).ConfigureAwait(false) : null;
        List<FunctionComparison> comparisons = [.. samples.Select((s, i) =>
        {
            JsonNode? theirs = optuna?["importances"]?[s.Function.Name];
            return new FunctionComparison(s.Function.Name, options.Runs, ours[i].Importances, s.Result.ParameterImportances(LinearForest), ours[i].Milliseconds,
                ExactMainEffects.Compute(s.Function, logScale: true, ExactDraws, options.Seed), ExactMainEffects.Compute(s.Function, logScale: false, ExactDraws, options.Seed),
                theirs?["fanova_seed0"]?.AsObject(), theirs?["default"]?.AsObject(), (double?)theirs?["fanova_seed0_seconds"]);
        })];
        foreach (FunctionComparison c in comparisons)
        {
            log.WriteLine($"{c.Name}: ours {c.OurRanking} | exact {c.ExactRanking} | optuna {FunctionComparison.Ranking(c.Fanova) ?? "-"} | spearman vs exact {Format(FunctionComparison.Spearman(c.Ours, c.Exact))}");
        }

        JsonArray timings = [.. functions.Select(f => (JsonNode)Timing(f))];
        var result = new JsonObject
        {
            ["machine"] = Machine.Describe(options.RepositoryRoot),
            ["settings"] = new JsonObject { ["runs"] = options.Runs, ["timing_runs"] = options.TimingRuns, ["seed"] = options.Seed, ["trees"] = Forest.Trees, ["max_depth"] = Forest.MaxDepth, ["min_samples_leaf"] = Forest.MinSamplesLeaf, ["exact_draws"] = ExactDraws },
            ["command"] = Command(),
            ["optuna_meta"] = optuna?["meta"]?.DeepClone(),
            ["functions"] = new JsonArray([.. comparisons.Select(c => (JsonNode)c.ToJson())]),
            ["timing"] = timings,
        };
        return (result, Markdown(comparisons, timings));
    }

    private static (IReadOnlyList<ParameterImportance> Importances, double Milliseconds) Timed(SampledRuns sample)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ParameterImportance> importances = sample.Result.ParameterImportances(Forest);
        return (importances, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Times our importance on <see cref="ImportanceBenchOptions.TimingRuns"/> runs: one warm-up, then the min and median of 5.</summary>
    private JsonObject Timing(ImportanceFunction function)
    {
        SampledRuns sample = SampledRuns.Draw(function, options.TimingRuns, options.Seed + 1);
        sample.Result.ParameterImportances(Forest);
        double[] times = [.. Enumerable.Range(0, 5).Select(_ => Timed(sample).Milliseconds).Order()];
        log.WriteLine($"{function.Name}: {options.TimingRuns:N0} runs × {sample.Result.HpSearchSpace.Count} parameters in {times[0]:0} ms (min of 5), {times[2]:0} ms (median)");
        return new JsonObject { ["function"] = function.Name, ["runs"] = options.TimingRuns, ["parameters"] = sample.Result.HpSearchSpace.Count, ["min_ms"] = times[0], ["median_ms"] = times[2] };
    }

    private string Command() => "dotnet run -c Release --project bench/Nomadic.Bench.Importance --" + string.Concat(Environment.GetCommandLineArgs().Skip(1).Select(a => " " + a));

    private string Markdown(List<FunctionComparison> comparisons, JsonArray timings)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Parameter importance against the exact main effects and Optuna ({options.Runs:N0} random runs per function, seed {options.Seed})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{Command()}`. Exact: the function's own main effects, normalized ({ExactDraws:N0} Monte Carlo draws of the other parameters, the same for every value); on the library's default scale (log domains on the log scale) for ours, on the linear scale for Optuna and for ours with `LogScaleForLogDomains = false`. Optuna's evaluator assesses only the parameters present in every run, so on conditional functions the Spearman values with Optuna are over those.");
        md.AppendLine();
        md.AppendLine("| function | ours (fANOVA, seed 0) | exact | Optuna FanovaImportanceEvaluator(seed=0) | Spearman ours vs exact | Spearman ours, log domains linear, vs exact linear | Spearman Optuna seed 0 vs exact linear | Spearman ours vs Optuna seed 0 | Spearman ours, log domains linear, vs Optuna seed 0 | Spearman Optuna seed 0 vs default |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (FunctionComparison c in comparisons)
        {
            IReadOnlyDictionary<string, double>? fanova = FunctionComparison.Values(c.Fanova);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.OurRanking} | {c.ExactRanking} | {FunctionComparison.Ranking(c.Fanova) ?? "–"} | {Format(FunctionComparison.Spearman(c.Ours, c.Exact))} | {Format(FunctionComparison.Spearman(c.OursLinear, c.ExactLinear))} | {Format(c.OptunaExactSpearman)} | {Format(FunctionComparison.Spearman(c.Ours, fanova))} | {Format(FunctionComparison.Spearman(c.OursLinear, fanova))} | {Format(c.OptunaSelfSpearman)} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Time of our importance ({options.TimingRuns:N0} runs, 64 trees)");
        md.AppendLine();
        md.AppendLine("| function | parameters | min of 5 (ms) | median (ms) | Optuna fanova(seed=0) on the comparison runs (s) |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (JsonNode? t in timings)
        {
            FunctionComparison c = comparisons.Single(x => x.Name == (string)t!["function"]!);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {t!["parameters"]} | {(double)t["min_ms"]!:0} | {(double)t["median_ms"]!:0} | {(c.OptunaSeconds is double s ? s.ToString("0.00", CultureInfo.InvariantCulture) + $" ({options.Runs:N0} runs)" : "–")} |");
        }

        return md.ToString();
    }

    private static string Format(double? value) => value is double v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
