using System.Text;

namespace Nomadic.Bench;

/// <summary>The Markdown tables of the quality benchmark.</summary>
internal static class QualityReport
{
    public static string Markdown(string machine, QualityTable? quality, IReadOnlyList<SpeedRow> speed, OptunaOverhead? optunaOverhead, IReadOnlyList<ConcurrencyRow> concurrency)
    {
        var md = new StringBuilder();
        md.AppendLine(machine).AppendLine();
        if (quality is not null)
        {
            foreach (int budget in quality.Budgets)
            {
                Budget(md, quality, budget);
            }

            Verdicts(md, quality);
            Walls(md, quality);
        }

        if (speed.Count > 0)
        {
            SpeedTables.Write(md, speed, optunaOverhead);
        }

        if (concurrency.Count > 0)
        {
            md.AppendLine("### Concurrent runs: a sleeping objective, serial and in parallel").AppendLine();
            md.AppendLine("| tuner | runs | sleep ms | concurrent | serial s | parallel s | ideal s (serial / concurrent) | parallel ÷ ideal | target ≤ 1.10 |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (ConcurrencyRow c in concurrency)
            {
                md.AppendLine($"| {c.Tuner} | {c.Runs} | {c.SleepMs} | {c.Concurrency} | {Fmt.F(c.SerialSeconds, 3)} | {Fmt.F(c.ParallelSeconds, 3)} | {Fmt.F(c.SerialSeconds / c.Concurrency, 3)} | {Fmt.F(c.Ratio, 3)} | {(c.Ratio <= ConcurrencyRow.Target ? "met" : "missed")} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Budget(StringBuilder md, QualityTable q, int budget)
    {
        bool optuna = q.Optuna is not null;
        string[] samplers = optuna ? ["tpe", "random"] : [];
        md.AppendLine($"### Regret (best − optimum) after {budget} runs: median [q25, q75] over {q.Seeds} seeds").AppendLine();
        var header = new List<string> { "function", "optimum" };
        header.AddRange(q.Tuners);
        header.AddRange(samplers.Select(s => $"Optuna {s}"));
        if (optuna)
        {
            header.AddRange(q.Tuners.Select(t => $"{t} ÷ Optuna tpe"));
            header.Add("best of ours vs Optuna tpe (Mann-Whitney p)");
        }

        md.AppendLine("| " + string.Join(" | ", header) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", header.Count)));
        foreach (SuiteFunction f in q.Functions)
        {
            var cells = new List<string> { f.Name, f.Optimum.ToString("R", System.Globalization.CultureInfo.InvariantCulture) };
            cells.AddRange(q.Tuners.Select(t => Regret.Of(q.Ours(f, t, budget)).ToString()));
            cells.AddRange(samplers.Select(s => q.Theirs(f, s, budget) is double[] v ? Regret.Of(v).ToString() : "n/a"));
            if (optuna)
            {
                cells.AddRange(q.Tuners.Select(t => Fmt.G(q.Ratio(f, t, budget))));
                cells.Add($"{q.BestOurs(f, budget)}: p = {Fmt.G(q.PValue(f, budget))}");
            }

            md.AppendLine("| " + string.Join(" | ", cells) + " |");
        }

        md.AppendLine();
    }

    private static void Verdicts(StringBuilder md, QualityTable q)
    {
        if (q.Optuna is null)
        {
            return;
        }

        md.AppendLine($"Ratio = our median regret ÷ Optuna TPE's (below 1 is better). Optuna: {q.Optuna.Source}, the same seeds 0..{q.Seeds - 1}. Mann-Whitney U: two-sided, normal approximation with tie and continuity corrections.").AppendLine();
        int budget = q.VerdictBudget;
        foreach (string tuner in q.Tuners)
        {
            (int wins, int compared, double worst, string? at) = q.Verdict(tuner, budget);
            md.AppendLine($"* **{tuner}** beats Optuna TPE at {budget} runs on {wins}/{compared} functions, worst ratio {Fmt.G(worst)} ({at}).");
        }

        md.AppendLine();
    }

    private static void Walls(StringBuilder md, QualityTable q)
    {
        md.AppendLine($"Median wall time of one {q.Budgets.Max()}-run experiment, s ({Environment.ProcessorCount} experiments at a time):").AppendLine();
        md.AppendLine("| function | " + string.Join(" | ", q.Tuners) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", q.Tuners.Count)));
        foreach (SuiteFunction f in q.Functions)
        {
            md.AppendLine($"| {f.Name} | " + string.Join(" | ", q.Tuners.Select(t => Fmt.G(q.MedianWall(f, t)))) + " |");
        }

        md.AppendLine();
    }
}
