namespace Nomadic.Bench;

/// <summary>
/// The hypervolumes of every column (our tuners, then Optuna's samplers as <c>Optuna tpe</c>, <c>Optuna nsga2</c>) per
/// problem and budget, and their ratios to Optuna's TPE.
/// </summary>
internal sealed class HypervolumeTable
{
    public const string Baseline = "Optuna tpe";

    private readonly Dictionary<(string Problem, string Column, int Budget), double[]> _volumes = [];
    private readonly Dictionary<(string Problem, string Column), double[]> _walls = [];

    public HypervolumeTable(IReadOnlyList<Problem> problems, int[] budgets, int seeds, IReadOnlyList<FrontRun> runs, IReadOnlyList<string> tuners, OptunaFronts? optuna, IReadOnlyList<string> samplers)
    {
        Problems = problems;
        Budgets = budgets;
        Seeds = seeds;
        var columns = new List<string>(tuners);
        foreach (Problem problem in problems)
        {
            for (int b = 0; b < budgets.Length; b++)
            {
                foreach (string tuner in tuners)
                {
                    _volumes[(problem.Name, tuner, budgets[b])] = [.. runs.Where(r => r.Problem == problem.Name && r.Tuner == tuner).Select(r => r.Hypervolumes[b])];
                    _walls[(problem.Name, tuner)] = [.. runs.Where(r => r.Problem == problem.Name && r.Tuner == tuner).Select(r => r.WallSeconds)];
                }

                foreach (string sampler in samplers)
                {
                    if (optuna?.Hypervolumes(problem, sampler, budgets[b], seeds) is double[] volumes)
                    {
                        _volumes[(problem.Name, "Optuna " + sampler, budgets[b])] = volumes;
                        _walls[(problem.Name, "Optuna " + sampler)] = optuna.WallSeconds(problem, sampler, seeds);
                    }
                }
            }
        }

        columns.AddRange(samplers.Select(s => "Optuna " + s).Where(c => _volumes.Keys.Any(k => k.Column == c)));
        Columns = columns;
        Tuners = tuners;
    }

    public IReadOnlyList<Problem> Problems { get; }

    public int[] Budgets { get; }

    public int Seeds { get; }

    /// <summary>Gets our tuners, then Optuna's samplers that ran.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string> Tuners { get; }

    public bool HasBaseline => Columns.Contains(Baseline);

    public Spread? Of(Problem problem, string column, int budget) =>
        _volumes.TryGetValue((problem.Name, column, budget), out double[]? v) ? Spread.Of(v) : null;

    /// <summary>The median wall time of the column's experiments (all budgets of a budget-planning tuner together), in seconds.</summary>
    public double MedianWall(Problem problem, string column) =>
        _walls.TryGetValue((problem.Name, column), out double[]? walls) ? Spread.Of(walls).Median : double.NaN;

    /// <summary>The column's median hypervolume ÷ Optuna TPE's (above 1 is better).</summary>
    public double Ratio(Problem problem, string column, int budget) =>
        Of(problem, column, budget) is Spread ours && Of(problem, Baseline, budget) is Spread theirs ? ours.Median / theirs.Median : double.NaN;

    /// <summary>The two-sided Mann-Whitney p-value of the column's per-seed hypervolumes against Optuna TPE's.</summary>
    public double PValue(Problem problem, string column, int budget) =>
        _volumes.TryGetValue((problem.Name, column, budget), out double[]? ours) && _volumes.TryGetValue((problem.Name, Baseline, budget), out double[]? theirs)
            ? MannWhitney.PValue(ours, theirs)
            : double.NaN;

    /// <summary>In how many (problem, budget) cells the column's median is at least Optuna TPE's, and its smallest ratio.</summary>
    public (int AtLeast, int Cells, double Worst) Verdict(string column)
    {
        double[] ratios = [.. from p in Problems from b in Budgets let r = Ratio(p, column, b) where double.IsFinite(r) select r];
        return (ratios.Count(r => r >= 1), ratios.Length, ratios.Length > 0 ? ratios.Min() : double.NaN);
    }
}
