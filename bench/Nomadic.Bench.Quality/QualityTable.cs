namespace Nomadic.Bench;

/// <summary>The quality results arranged for the report: regrets per function, tuner and budget, ours and Optuna's.</summary>
internal sealed class QualityTable(
    IReadOnlyList<SuiteFunction> functions,
    IReadOnlyList<string> tuners,
    int[] budgets,
    int seeds,
    IReadOnlyList<QualityRun> runs,
    OptunaQuality? optuna)
{
    public const string Rival = "tpe";

    public IReadOnlyList<SuiteFunction> Functions => functions;

    public IReadOnlyList<string> Tuners => tuners;

    public int[] Budgets => budgets;

    public int Seeds => seeds;

    public OptunaQuality? Optuna => optuna;

    /// <summary>The budget of the one-line verdicts: 100 runs when measured, else the largest.</summary>
    public int VerdictBudget => budgets.Contains(100) ? 100 : budgets.Max();

    /// <summary>Our regrets (best − optimum), one per seed.</summary>
    public double[] Ours(SuiteFunction function, string tuner, int budget)
    {
        int b = Array.IndexOf(budgets, budget);
        return [.. runs.Where(r => r.Function == function.Name && r.Tuner == tuner).OrderBy(r => r.Seed).Select(r => r.Best[b] - function.Optimum)];
    }

    /// <summary>Optuna's regrets for the same seeds, or null when the result lacks them.</summary>
    public double[]? Theirs(SuiteFunction function, string sampler, int budget) =>
        optuna?.Best(function.Name, sampler, budget, seeds)?.Select(v => v - function.Optimum).ToArray();

    /// <summary>Median regret of ours over Optuna TPE's; below 1 is better than Optuna.</summary>
    public double Ratio(SuiteFunction function, string tuner, int budget)
    {
        if (Theirs(function, Rival, budget) is not double[] theirs)
        {
            return double.NaN;
        }

        double ours = Regret.Of(Ours(function, tuner, budget)).Median;
        double rival = Regret.Of(theirs).Median;
        return ours == rival ? 1.0 : ours / rival;
    }

    /// <summary>Our tuner with the lowest median regret on the function at the budget.</summary>
    public string BestOurs(SuiteFunction function, int budget) =>
        tuners.MinBy(t => Regret.Of(Ours(function, t, budget)).Median)!;

    /// <summary>The two-sided Mann-Whitney p-value of our best tuner's regrets against Optuna TPE's.</summary>
    public double PValue(SuiteFunction function, int budget) =>
        Theirs(function, Rival, budget) is double[] theirs ? MannWhitney.PValue(Ours(function, BestOurs(function, budget), budget), theirs) : double.NaN;

    /// <summary>How many functions the tuner beats Optuna TPE on (lower median regret), and its worst ratio.</summary>
    public (int Wins, int Compared, double WorstRatio, string? WorstFunction) Verdict(string tuner, int budget)
    {
        var ratios = functions.Select(f => (f.Name, Ratio: Ratio(f, tuner, budget))).Where(r => !double.IsNaN(r.Ratio)).ToList();
        var worst = ratios.Count == 0 ? default : ratios.MaxBy(r => r.Ratio);
        return (ratios.Count(r => r.Ratio < 1), ratios.Count, ratios.Count == 0 ? double.NaN : worst.Ratio, worst.Name);
    }

    /// <summary>Median wall seconds of one experiment of the largest budget.</summary>
    public double MedianWall(SuiteFunction function, string tuner) =>
        Stats.Of(runs.Where(r => r.Function == function.Name && r.Tuner == tuner).Select(r => r.WallSeconds)).Median;
}
