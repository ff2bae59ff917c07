using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>The Markdown tables and the JSON summary of the multi-objective benchmark.</summary>
internal static class MultiObjectiveReport
{
    public static string Markdown(string header, HypervolumeTable table)
    {
        var md = new StringBuilder();
        md.AppendLine(header).AppendLine();
        string[] ratioColumns = table.HasBaseline ? [.. table.Columns.Where(c => c != HypervolumeTable.Baseline)] : [];
        md.AppendLine($"### Median hypervolume over {table.Seeds} seeds (higher is better){(table.HasBaseline ? " and ratio to Optuna's TPE" : "")}").AppendLine();
        var cells = new List<string> { "problem", "reference point", "runs" };
        cells.AddRange(table.Columns);
        cells.AddRange(ratioColumns.Select(c => $"{c} ÷ Optuna tpe"));
        string? tested = table.HasBaseline && table.Tuners.Count > 0 ? (table.Tuners.Contains("tpe") ? "tpe" : table.Tuners[0]) : null;
        if (tested is not null)
        {
            cells.Add($"{tested} vs Optuna tpe (Mann-Whitney p)");
        }

        md.AppendLine("| " + string.Join(" | ", cells) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", cells.Count)));
        foreach (Problem problem in table.Problems)
        {
            foreach (int budget in table.Budgets)
            {
                cells = [problem.Name, "(" + string.Join(", ", problem.Reference.Select(Fmt.G)) + ")", budget.ToString(CultureInfo.InvariantCulture)];
                cells.AddRange(table.Columns.Select(c => table.Of(problem, c, budget) is Spread s ? Fmt.G(s.Median) : "n/a"));
                cells.AddRange(ratioColumns.Select(c => Fmt.F(table.Ratio(problem, c, budget), 3)));
                if (tested is not null)
                {
                    cells.Add(Fmt.F(table.PValue(problem, tested, budget), 2));
                }

                md.AppendLine("| " + string.Join(" | ", cells) + " |");
            }
        }

        md.AppendLine();
        if (table.HasBaseline)
        {
            foreach (string column in ratioColumns)
            {
                (int atLeast, int count, double worst) = table.Verdict(column);
                md.AppendLine($"- {column}: at least Optuna TPE's median in {atLeast}/{count} cells, smallest ratio {Fmt.F(worst, 3)}");
            }

            md.AppendLine();
        }

        md.AppendLine($"### Quartiles: median [q25, q75] over {table.Seeds} seeds").AppendLine();
        md.AppendLine("| problem | runs | " + string.Join(" | ", table.Columns) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", table.Columns.Count + 2)));
        foreach (Problem problem in table.Problems)
        {
            foreach (int budget in table.Budgets)
            {
                IEnumerable<string> spreads = table.Columns.Select(c => table.Of(problem, c, budget) is Spread s ? $"{Fmt.G(s.Median)} [{Fmt.G(s.Q25)}, {Fmt.G(s.Q75)}]" : "n/a");
                md.AppendLine($"| {problem.Name} | {budget} | {string.Join(" | ", spreads)} |");
            }
        }

        md.AppendLine();
        md.AppendLine($"### Wall time of one experiment of {table.Budgets.Max()} runs, median seconds (auto: its experiments of every budget together)").AppendLine();
        md.AppendLine("| problem | " + string.Join(" | ", table.Columns) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", table.Columns.Count + 1)));
        foreach (Problem problem in table.Problems)
        {
            md.AppendLine($"| {problem.Name} | {string.Join(" | ", table.Columns.Select(c => Fmt.G(table.MedianWall(problem, c))))} |");
        }

        return md.AppendLine().ToString();
    }

    /// <summary>problem → column → budget → {median, q25, q75, n_seeds, ratio_to_optuna_tpe}.</summary>
    public static JsonObject Summary(HypervolumeTable table)
    {
        var root = new JsonObject();
        foreach (Problem problem in table.Problems)
        {
            var columns = new JsonObject();
            foreach (string column in table.Columns)
            {
                var budgets = new JsonObject();
                foreach (int budget in table.Budgets)
                {
                    JsonObject? spread = table.Of(problem, column, budget)?.ToJson();
                    if (spread is not null)
                    {
                        spread["ratio_to_optuna_tpe"] = Json.Number(table.Ratio(problem, column, budget));
                        spread["mann_whitney_p_vs_optuna_tpe"] = Json.Number(table.PValue(problem, column, budget));
                    }

                    budgets[budget.ToString(CultureInfo.InvariantCulture)] = spread;
                }

                columns[column] = budgets;
            }

            root[problem.Name] = new JsonObject
            {
                ["median_wall_s"] = new JsonObject([.. table.Columns.Select(c => KeyValuePair.Create(c, Json.Number(table.MedianWall(problem, c))))]),
                ["reference_point"] = new JsonArray([.. problem.Reference.Select(r => (JsonNode?)JsonValue.Create(r))]),
                ["directions"] = new JsonArray([.. problem.Directions.Select(d => (JsonNode?)JsonValue.Create(d.ToString().ToLowerInvariant()))]),
                ["hypervolume"] = columns,
            };
        }

        return root;
    }

    /// <summary>problem → tuner → seed → {budget: hypervolume} and the wall time.</summary>
    public static JsonObject PerSeed(IEnumerable<FrontRun> runs, int[] budgets)
    {
        var root = new JsonObject();
        foreach (FrontRun run in runs)
        {
            var problem = (JsonObject)(root[run.Problem] ??= new JsonObject());
            var tuner = (JsonObject)(problem[run.Tuner] ??= new JsonObject());
            var volumes = new JsonObject();
            for (int i = 0; i < budgets.Length; i++)
            {
                volumes[budgets[i].ToString(CultureInfo.InvariantCulture)] = Json.Number(run.Hypervolumes[i]);
            }

            tuner[run.Seed.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["hypervolume"] = volumes, ["wall_s"] = Json.Number(run.WallSeconds) };
        }

        return root;
    }
}
