using Nomadic.Objectives;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>A search space with its trivial objective.</summary>
/// <param name="Name">The name used in tables and in the baseline's results (<c>x2</c>, <c>mixed5</c>).</param>
/// <param name="CreateSpace">Builds a fresh search space.</param>
/// <param name="Objective">The objective: a handful of dictionary reads and a few flops.</param>
/// <param name="Description">The formula and space, for the report.</param>
internal sealed record Workload(
    string Name,
    Func<SearchSpace> CreateSpace,
    Func<IReadOnlyDictionary<string, object?>, double> Objective,
    string Description);

/// <summary>The trivial objectives of the overhead benchmark (the formulas of the shared suite's <c>overhead_objectives</c>).</summary>
internal static class Workloads
{
    /// <summary>f = x², x ∈ Uniform(-10, 10).</summary>
    public static Workload X2 { get; } = new(
        "x2",
        () => BenchmarkFunctions.X2.SearchSpace,
        BenchmarkFunctions.X2.Evaluate,
        "f = x*x; x Uniform(-10, 10)");

    /// <summary>
    /// f = x² + (log10 lr + 3)² + (k − 5)² + offset[opt] + y on x Uniform(-10, 10), lr LogUniform(1e-5, 1),
    /// k RandInt(1, 11) (1..10 inclusive), opt Choice(sgd, adam, rmsprop), y Uniform(0, 1).
    /// </summary>
    public static Workload Mixed5 { get; } = new(
        "mixed5",
        () => BenchmarkFunctions.Mixed5.SearchSpace,
        BenchmarkFunctions.Mixed5.Evaluate,
        "f = x^2 + (log10 lr + 3)^2 + (k - 5)^2 + offset[opt] + y; x Uniform(-10,10), lr LogUniform(1e-5,1), k RandInt(1,11), opt Choice(sgd,adam,rmsprop), y Uniform(0,1)");

    /// <summary>A 100 × 100 grid: x QUniform(0.01, 1, 0.01) × k RandInt(0, 100); f = x² + (k − 50)².</summary>
    public static Workload Grid100x100 { get; } = new(
        "grid100x100",
        CreateGrid,
        p =>
        {
            double x = (double)p["x"]!;
            double b = (int)p["k"]! - 50.0;
            return (x * x) + (b * b);
        },
        "f = x^2 + (k - 50)^2; x QUniform(0.01, 1, 0.01) (100 values) x k RandInt(0, 100) (100 values)");

    public static IReadOnlyList<Workload> Random { get; } = [X2, Mixed5];

    private static SearchSpace CreateGrid()
    {
        var space = new SearchSpace
        {
            ["x"] = Tune.QUniform(0.01, 1.0, 0.01),
            ["k"] = Tune.RandInt(0, 100),
        };
        if (space.GridSize != 10_000)
        {
            throw new InvalidOperationException($"The grid benchmark expects 10,000 points, the space has {space.GridSize}.");
        }

        return space;
    }
}
