using System.Text.Json.Nodes;
using MathNet.Numerics.Statistics;
using Nomadic.Analysis;

namespace Nomadic.Bench;

/// <summary>One function's importances: ours, Optuna's fANOVA with seed 0 and Optuna's default evaluator, with Spearman's rank correlations.</summary>
/// <param name="OursLinear">Our importances with log domains measured on the linear scale, as Optuna measures them.</param>
internal sealed record FunctionComparison(string Name, int Runs, IReadOnlyList<ParameterImportance> Ours, IReadOnlyList<ParameterImportance> OursLinear, double OursMilliseconds, JsonObject? Fanova, JsonObject? Default, double? OptunaSeconds)
{
    /// <summary>Spearman's correlation of our importances with <paramref name="other"/>'s over the parameters; null without Optuna's.</summary>
    public double? Spearman(JsonObject? other) => Spearman(Ours, other);

    /// <summary>Spearman's correlation of <paramref name="ours"/> with <paramref name="other"/>'s importances over the parameters.</summary>
    public static double? Spearman(IReadOnlyList<ParameterImportance> ours, JsonObject? other) => other is null || ours.Count < 2
        ? null
        : Correlation.Spearman(ours.Select(p => p.Importance), ours.Select(p => (double)other[p.Name]!));

    /// <summary>Spearman's correlation of Optuna's two evaluators: how much Optuna's own ranking moves with the forest's seed.</summary>
    public double? OptunaSelfSpearman => Fanova is null || Default is null || Ours.Count < 2
        ? null
        : Correlation.Spearman(Ours.Select(p => (double)Fanova[p.Name]!), Ours.Select(p => (double)Default[p.Name]!));

    public static string Ranking(IEnumerable<(string Name, double Importance)> importances) =>
        string.Join(" > ", importances.OrderByDescending(p => p.Importance).Select(p => $"{p.Name} {p.Importance:0.00}"));

    public string OurRanking => Ranking(Ours.Select(p => (p.Name, p.Importance)));

    public static string? Ranking(JsonObject? importances) =>
        importances is null ? null : Ranking(importances.Select(kv => (kv.Key, (double)kv.Value!)));

    public JsonObject ToJson() => new()
    {
        ["function"] = Name,
        ["runs"] = Runs,
        ["ours"] = new JsonObject(Ours.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.Importance)))),
        ["ours_main_effect_fraction"] = new JsonObject(Ours.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.MainEffectFraction)))),
        ["ours_linear_scale"] = new JsonObject(OursLinear.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.Importance)))),
        ["ours_ms"] = OursMilliseconds,
        ["optuna_fanova_seed0"] = Fanova?.DeepClone(),
        ["optuna_default"] = Default?.DeepClone(),
        ["optuna_fanova_seed0_seconds"] = OptunaSeconds,
        ["spearman_vs_optuna_fanova_seed0"] = Spearman(Fanova),
        ["spearman_vs_optuna_default"] = Spearman(Default),
        ["spearman_linear_scale_vs_optuna_fanova_seed0"] = Spearman(OursLinear, Fanova),
        ["spearman_optuna_seed0_vs_default"] = OptunaSelfSpearman,
    };
}
