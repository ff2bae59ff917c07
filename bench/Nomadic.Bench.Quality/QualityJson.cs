using System.Globalization;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>The quality part of the result JSON: per-seed best values (the form of Optuna's raw result) and the summary.</summary>
internal static class QualityJson
{
    /// <summary>function → tuner → seed → {best: {budget: value}, wall_s}, like <c>optuna_quality.py --raw-out</c>.</summary>
    public static JsonObject BestValues(IEnumerable<QualityRun> runs, int[] budgets)
    {
        var root = new JsonObject();
        foreach (QualityRun run in runs)
        {
            var function = (JsonObject)(root[run.Function] ??= new JsonObject());
            var tuner = (JsonObject)(function[run.Tuner] ??= new JsonObject());
            var best = new JsonObject();
            for (int i = 0; i < budgets.Length; i++)
            {
                best[I(budgets[i])] = Json.Number(run.Best[i]);
            }

            tuner[I(run.Seed)] = new JsonObject { ["best"] = best, ["wall_s"] = Json.Number(run.WallSeconds) };
        }

        return root;
    }

    public static JsonObject Summary(QualityTable q)
    {
        var root = new JsonObject();
        foreach (SuiteFunction f in q.Functions)
        {
            var tuners = new JsonObject();
            foreach (string tuner in q.Tuners)
            {
                var budgets = new JsonObject();
                foreach (int b in q.Budgets)
                {
                    JsonObject regret = Regret.Of(q.Ours(f, tuner, b)).ToJson();
                    regret["ratio_to_optuna_tpe"] = Json.Number(q.Ratio(f, tuner, b));
                    budgets[I(b)] = regret;
                }

                tuners[tuner] = new JsonObject { ["budgets"] = budgets, ["median_wall_s"] = Json.Number(q.MedianWall(f, tuner)) };
            }

            var optuna = new JsonObject();
            foreach (string sampler in new[] { "tpe", "random" })
            {
                var budgets = new JsonObject();
                foreach (int b in q.Budgets)
                {
                    budgets[I(b)] = q.Theirs(f, sampler, b) is double[] v ? Regret.Of(v).ToJson() : null;
                }

                optuna[sampler] = budgets;
            }

            var tests = new JsonObject();
            foreach (int b in q.Budgets)
            {
                tests[I(b)] = new JsonObject { ["tuner"] = q.BestOurs(f, b), ["mann_whitney_p_vs_optuna_tpe"] = Json.Number(q.PValue(f, b)) };
            }

            root[f.Name] = new JsonObject { ["optimum"] = Json.Number(f.Optimum), ["tuners"] = tuners, ["optuna"] = optuna, ["best_of_ours"] = tests };
        }

        return root;
    }

    public static JsonArray Verdicts(QualityTable q) =>
        [.. q.Tuners.Select(t =>
        {
            (int wins, int compared, double worst, string? at) = q.Verdict(t, q.VerdictBudget);
            return (JsonNode)new JsonObject
            {
                ["tuner"] = t,
                ["budget"] = q.VerdictBudget,
                ["beats_optuna_tpe_on"] = wins,
                ["functions_compared"] = compared,
                ["worst_ratio"] = Json.Number(worst),
                ["worst_ratio_function"] = at,
            };
        })];

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
