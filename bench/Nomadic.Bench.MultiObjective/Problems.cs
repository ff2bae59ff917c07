using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>
/// The problems of the multi-objective benchmark; <c>bench/optuna_multi_objective.py</c> defines the same ones for Optuna
/// (parameters in the same order, the same formulas).
/// </summary>
internal static class Problems
{
    private const int Variables = 6;

    private static readonly ObjectiveMetric F2 = new("f2", Direction.Minimize);
    private static readonly ObjectiveMetric F3 = new("f3", Direction.Minimize);
    private static readonly string[] Models = ["small", "medium", "large"];

    /// <summary>Gets the problems in the order of the tables.</summary>
    public static IReadOnlyList<Problem> All { get; } =
    [
        new("zdt1", UnitCube, p => Zdt(p, f => 1 - Math.Sqrt(f)), Direction.Minimize, [F2], [1.1, 5.0]),
        new("zdt2", UnitCube, p => Zdt(p, f => 1 - (f * f)), Direction.Minimize, [F2], [1.1, 5.0]),
        new("dtlz2", UnitCube, Dtlz2, Direction.Minimize, [F2, F3], [1.1, 1.1, 1.1]),
        new("quality_cost", QualityCostSpace, QualityCost, Direction.Maximize, [new("cost", Direction.Minimize)], [0.5, 40.0]),
    ];

    private static SearchSpace UnitCube()
    {
        var space = new SearchSpace();
        for (int i = 0; i < Variables; i++)
        {
            space.Add("x" + i, Tune.Uniform(0, 1));
        }

        return space;
    }

    private static double[] X(IReadOnlyDictionary<string, object?> p) => [.. Enumerable.Range(0, Variables).Select(i => (double)p["x" + i]!)];

    // ZDT1 and ZDT2 (Zitzler, Deb and Thiele 2000): f1 = x0, g = 1 + 9·Σx1..5 / 5, f2 = g·h(f1 / g).
    private static RunResult Zdt(IReadOnlyDictionary<string, object?> p, Func<double, double> h)
    {
        double[] x = X(p);
        double g = 1 + (9 * x.Skip(1).Sum() / (Variables - 1));
        return new RunResult(x[0], p, new Dictionary<string, object?> { ["f2"] = g * h(x[0] / g) });
    }

    // DTLZ2 (Deb, Thiele, Laumanns and Zitzler 2002) with three objectives: g = Σ(x2..5 − 0.5)², the front on the unit sphere.
    private static RunResult Dtlz2(IReadOnlyDictionary<string, object?> p)
    {
        double[] x = X(p);
        double g = x.Skip(2).Sum(v => (v - 0.5) * (v - 0.5));
        double a = x[0] * Math.PI / 2;
        double b = x[1] * Math.PI / 2;
        return new RunResult((1 + g) * Math.Cos(a) * Math.Cos(b), p, new Dictionary<string, object?>
        {
            ["f2"] = (1 + g) * Math.Cos(a) * Math.Sin(b),
            ["f3"] = (1 + g) * Math.Sin(a),
        });
    }

    private static SearchSpace QualityCostSpace() => new()
    {
        ["model"] = Tune.Choice<string>(Models),
        ["temperature"] = Tune.LogUniform(1e-3, 1),
        ["top_k"] = Tune.RandInt(1, 21),
    };

    // A system's quality (maximized) against its cost (minimized): larger models answer better but cost more per token,
    // more retrieved passages help with diminishing returns and cost tokens, and each model has its best temperature.
    private static RunResult QualityCost(IReadOnlyDictionary<string, object?> p)
    {
        int model = Array.IndexOf(Models, (string)p["model"]!);
        double temperature = (double)p["temperature"]!;
        int topK = (int)p["top_k"]!;
        double miss = Math.Log10(temperature / (new[] { 0.02, 0.1, 0.4 })[model]);
        double quality = (new[] { 0.55, 0.70, 0.80 })[model] + (0.15 * (1 - Math.Exp(-topK / 5.0))) - (0.25 * miss * miss);
        double cost = (new[] { 1.0, 4.0, 15.0 })[model] * (1 + (0.2 * topK));
        return new RunResult(quality, p, new Dictionary<string, object?> { ["cost"] = cost });
    }
}
