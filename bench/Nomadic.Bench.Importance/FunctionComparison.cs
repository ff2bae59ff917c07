using System.Text.Json.Nodes;
using MathNet.Numerics.Statistics;
using Nomadic.Analysis;

namespace Nomadic.Bench;

/// <summary>
/// One function's importances: ours, the function's exact main effects, Optuna's fANOVA with seed 0 and Optuna's default
/// evaluator, with Spearman's rank correlations over the parameters both sides assess.
/// </summary>
/// <param name="OursLinear">Our importances with log domains measured on the linear scale, as Optuna measures them.</param>
/// <param name="Exact">The exact main-effect fractions on the library's default scale (<see cref="ExactMainEffects"/>).</param>
/// <param name="ExactLinear">The exact main-effect fractions with log domains on the linear scale, the measure Optuna's evaluator uses.</param>
internal sealed record FunctionComparison(string Name, int Runs, IReadOnlyList<ParameterImportance> Ours, IReadOnlyList<ParameterImportance> OursLinear, double OursMilliseconds, IReadOnlyDictionary<string, double> Exact, IReadOnlyDictionary<string, double> ExactLinear, JsonObject? Fanova, JsonObject? Default, double? OptunaSeconds)
{
    /// <summary>Spearman's correlation of <paramref name="ours"/> with <paramref name="other"/> over the parameters both hold; null when fewer than 2.</summary>
    public static double? Spearman(IEnumerable<(string Name, double Importance)> ours, IReadOnlyDictionary<string, double>? other)
    {
        if (other is null)
        {
            return null;
        }

        (string Name, double Importance)[] shared = [.. ours.Where(p => other.ContainsKey(p.Name))];
        return shared.Length < 2 ? null : Correlation.Spearman(shared.Select(p => p.Importance), shared.Select(p => other[p.Name]));
    }

    public static double? Spearman(IReadOnlyList<ParameterImportance> ours, IReadOnlyDictionary<string, double>? other) =>
        Spearman(ours.Select(p => (p.Name, p.Importance)), other);

    public static IReadOnlyDictionary<string, double>? Values(JsonObject? importances) =>
        importances?.ToDictionary(kv => kv.Key, kv => (double)kv.Value!, StringComparer.Ordinal);

    /// <summary>Gets Spearman's correlation of Optuna's two evaluators: how much Optuna's own ranking moves with the forest's seed.</summary>
    public double? OptunaSelfSpearman => Values(Fanova) is { } fanova ? Spearman(fanova.Select(kv => (kv.Key, kv.Value)), Values(Default)) : null;

    /// <summary>Gets Spearman's correlation of Optuna's seed-0 importances with the exact ones on its linear measure.</summary>
    public double? OptunaExactSpearman => Values(Fanova) is { } fanova ? Spearman(fanova.Select(kv => (kv.Key, kv.Value)), ExactLinear) : null;

    public static string Ranking(IEnumerable<(string Name, double Importance)> importances) =>
        string.Join(" > ", importances.OrderByDescending(p => p.Importance).Select(p => $"{p.Name} {p.Importance:0.00}"));

    public string OurRanking => Ranking(Ours.Select(p => (p.Name, p.Importance)));

    /// <summary>Gets the exact main effects normalized to sum 1, ranked.</summary>
    public string ExactRanking => Ranking(Normalized(Exact).Select(kv => (kv.Key, kv.Value)));

    public static string? Ranking(JsonObject? importances) =>
        importances is null ? null : Ranking(importances.Select(kv => (kv.Key, (double)kv.Value!)));

    public static Dictionary<string, double> Normalized(IReadOnlyDictionary<string, double> fractions)
    {
        double total = fractions.Values.Sum();
        return fractions.ToDictionary(kv => kv.Key, kv => total > 0 ? kv.Value / total : 0, StringComparer.Ordinal);
    }

    public JsonObject ToJson() => new()
    {
        ["function"] = Name,
        ["runs"] = Runs,
        ["ours"] = Object(Ours.Select(p => (p.Name, p.Importance))),
        ["ours_main_effect_fraction"] = Object(Ours.Select(p => (p.Name, p.MainEffectFraction))),
        ["ours_run_count"] = new JsonObject(Ours.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.RunCount)))),
        ["ours_linear_scale"] = Object(OursLinear.Select(p => (p.Name, p.Importance))),
        ["ours_ms"] = OursMilliseconds,
        ["exact_main_effect_fraction"] = Object(Exact.Select(kv => (kv.Key, kv.Value))),
        ["exact_main_effect_fraction_linear_scale"] = Object(ExactLinear.Select(kv => (kv.Key, kv.Value))),
        ["optuna_fanova_seed0"] = Fanova?.DeepClone(),
        ["optuna_default"] = Default?.DeepClone(),
        ["optuna_fanova_seed0_seconds"] = OptunaSeconds,
        ["spearman_vs_exact"] = Spearman(Ours, Exact),
        ["spearman_linear_scale_vs_exact_linear_scale"] = Spearman(OursLinear, ExactLinear),
        ["spearman_optuna_fanova_seed0_vs_exact_linear_scale"] = OptunaExactSpearman,
        ["spearman_vs_optuna_fanova_seed0"] = Spearman(Ours, Values(Fanova)),
        ["spearman_vs_optuna_default"] = Spearman(Ours, Values(Default)),
        ["spearman_linear_scale_vs_optuna_fanova_seed0"] = Spearman(OursLinear, Values(Fanova)),
        ["spearman_optuna_seed0_vs_default"] = OptunaSelfSpearman,
    };

    private static JsonObject Object(IEnumerable<(string Name, double Value)> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, (JsonNode?)JsonValue.Create(v.Value))));
}
