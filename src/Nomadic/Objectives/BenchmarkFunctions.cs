using Nomadic.Tuning;

namespace Nomadic.Objectives;

/// <summary>
/// The built-in benchmark functions: classic continuous test functions, two hyperparameter-shaped objectives with
/// log-scaled, integer and categorical parameters, and two trivial objectives for measuring per-trial overhead.
/// </summary>
/// <remarks>All functions are minimized.</remarks>
public static class BenchmarkFunctions
{
    private static readonly string[] Optimizers = ["sgd", "adam", "rmsprop"];

    /// <summary>Gets the Branin function on x0 ∈ [-5, 10], x1 ∈ [0, 15]; three global minima of 5/(4π).</summary>
    /// <remarks>The optimum is the function evaluated in double at (π, 2.275).</remarks>
    public static BenchmarkFunction Branin { get; } = new(
        "branin",
        "f(x0,x1) = a*(x1 - b*x0^2 + c*x0 - r)^2 + s*(1-t)*cos(x0) + s",
        () => new SearchSpace
        {
            ["x0"] = Tune.Uniform(-5.0, 10.0),
            ["x1"] = Tune.Uniform(0.0, 15.0),
        },
        0.39788735772973816,
        p => SuiteFormulas.Branin(BenchmarkFunction.Number(p, "x0"), BenchmarkFunction.Number(p, "x1")));

    /// <summary>Gets the six-dimensional Hartmann function on [0, 1]^6.</summary>
    /// <remarks>The optimum is the numerically polished minimum of this implementation (literature value -3.32237).</remarks>
    public static BenchmarkFunction Hartmann6 { get; } = new(
        "hartmann6",
        "f(x) = -sum_{i=0..3} alpha_i * exp(-sum_{j=0..5} A_ij * (x_j - P_ij)^2)",
        () => UniformSpace(6, 0.0, 1.0),
        -3.3223680114155156,
        p => SuiteFormulas.Hartmann6(Vector(p, 6)));

    /// <summary>Gets the five-dimensional Rosenbrock function on [-2, 2]^5; minimum 0 at (1, …, 1).</summary>
    public static BenchmarkFunction Rosenbrock5 { get; } = new(
        "rosenbrock5",
        "f(x) = sum_{i=0..3} [100*(x_{i+1} - x_i^2)^2 + (1 - x_i)^2]",
        () => UniformSpace(5, -2.0, 2.0),
        0.0,
        p => SuiteFormulas.Rosenbrock(Vector(p, 5)));

    /// <summary>Gets the five-dimensional Ackley function on [-5, 5]^5; minimum 0 at the origin.</summary>
    /// <remarks>In double arithmetic the value at the origin is 4.44e-16, not exactly 0.</remarks>
    public static BenchmarkFunction Ackley5 { get; } = new(
        "ackley5",
        "f(x) = -a*exp(-b*sqrt(mean(x_i^2))) - exp(mean(cos(c*x_i))) + a + e, a=20, b=0.2, c=2*pi",
        () => UniformSpace(5, -5.0, 5.0),
        0.0,
        p => SuiteFormulas.Ackley5(Vector(p, 5)));

    /// <summary>Gets the four-dimensional Levy function on [-10, 10]^4; minimum 0 at (1, 1, 1, 1).</summary>
    /// <remarks>In double arithmetic the value at (1, 1, 1, 1) is 1.5e-32, because sin(π) is not exactly 0.</remarks>
    public static BenchmarkFunction Levy4 { get; } = new(
        "levy4",
        "w_i = 1 + (x_i - 1)/4; f = sin^2(pi*w_0) + sum_{i=0..2} (w_i-1)^2*(1 + 10*sin^2(pi*w_i + 1)) + (w_3-1)^2*(1 + sin^2(2*pi*w_3))",
        () => UniformSpace(4, -10.0, 10.0),
        0.0,
        p => SuiteFormulas.Levy(Vector(p, 4)));

    /// <summary>
    /// Gets a learning-rate / weight-decay valley: lr ∈ [1e-5, 1] and wd ∈ [1e-6, 0.1], both log-uniform;
    /// minimum 0 at lr = 10^-2.5, wd = 1e-4.
    /// </summary>
    public static BenchmarkFunction LrValley { get; } = new(
        "lr_valley",
        "f(lr, wd) = (log10(lr) + 2.5)^2 + (log10(wd) + 4)^2",
        () => new SearchSpace
        {
            ["lr"] = Tune.LogUniform(1e-5, 1.0),
            ["wd"] = Tune.LogUniform(1e-6, 0.1),
        },
        0.0,
        p => SuiteFormulas.LrValley(BenchmarkFunction.Number(p, "lr"), BenchmarkFunction.Number(p, "wd")));

    /// <summary>
    /// Gets a mixed space: optimizer ∈ {sgd, adam, rmsprop}, layers ∈ 1..8, dropout ∈ [0, 0.9],
    /// lr ∈ [1e-5, 0.1] log-uniform; minimum 0 at (adam, 4, 0.3, 1e-3).
    /// </summary>
    public static BenchmarkFunction Mixed { get; } = new(
        "mixed",
        "f = offset[optimizer] + 0.1*(layers-4)^2 + 2*(dropout-0.3)^2 + 0.5*(log10(lr) - center[optimizer])^2",
        () => new SearchSpace
        {
            ["optimizer"] = Tune.Choice(Optimizers),
            ["layers"] = Tune.RandInt(1, 8 + 1),
            ["dropout"] = Tune.Uniform(0.0, 0.9),
            ["lr"] = Tune.LogUniform(1e-5, 0.1),
        },
        0.0,
        p => SuiteFormulas.Mixed(
            BenchmarkFunction.Category(p, "optimizer", Optimizers),
            BenchmarkFunction.Number(p, "layers"),
            BenchmarkFunction.Number(p, "dropout"),
            BenchmarkFunction.Number(p, "lr")));

    /// <summary>Gets the trivial objective x² on x ∈ [-10, 10], for measuring per-trial overhead.</summary>
    /// <remarks>Its <see cref="BenchmarkFunction.Optimum"/> is <see cref="double.NaN"/>: it is not meant for regret.</remarks>
    public static BenchmarkFunction X2 { get; } = new(
        "x2",
        "f = x*x",
        () => new SearchSpace { ["x"] = Tune.Uniform(-10.0, 10.0) },
        double.NaN,
        p => SuiteFormulas.X2(BenchmarkFunction.Number(p, "x")));

    /// <summary>
    /// Gets a cheap five-parameter objective (float, log-float, int, categorical, float) for measuring per-trial
    /// overhead on a mixed space.
    /// </summary>
    /// <remarks>Its <see cref="BenchmarkFunction.Optimum"/> is <see cref="double.NaN"/>: it is not meant for regret.</remarks>
    public static BenchmarkFunction Mixed5 { get; } = new(
        "mixed5",
        "f = sq(x) + sq(log10(lr) + 3.0) + sq((double)k - 5.0) + offset[opt] + y",
        () => new SearchSpace
        {
            ["x"] = Tune.Uniform(-10.0, 10.0),
            ["lr"] = Tune.LogUniform(1e-5, 1.0),
            ["k"] = Tune.RandInt(1, 10 + 1),
            ["opt"] = Tune.Choice(Optimizers),
            ["y"] = Tune.Uniform(0.0, 1.0),
        },
        double.NaN,
        p => SuiteFormulas.Mixed5(
            BenchmarkFunction.Number(p, "x"),
            BenchmarkFunction.Number(p, "lr"),
            BenchmarkFunction.Number(p, "k"),
            BenchmarkFunction.Category(p, "opt", Optimizers),
            BenchmarkFunction.Number(p, "y")));

    /// <summary>Gets every built-in function: the seven quality benchmarks, then the two overhead objectives.</summary>
    public static IReadOnlyList<BenchmarkFunction> All { get; } =
        [Branin, Hartmann6, Rosenbrock5, Ackley5, Levy4, LrValley, Mixed, X2, Mixed5];

    /// <summary>Finds a built-in function by name, ignoring case, e.g. <c>branin</c> or <c>lr_valley</c>.</summary>
    /// <param name="name">The function's <see cref="BenchmarkFunction.Name"/>.</param>
    /// <returns>The function, or <see langword="null"/> when no function has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static BenchmarkFunction? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static SearchSpace UniformSpace(int dimensions, double low, double high)
    {
        var space = new SearchSpace();
        for (int i = 0; i < dimensions; i++)
        {
            space[$"x{i}"] = Tune.Uniform(low, high);
        }

        return space;
    }

    private static double[] Vector(IReadOnlyDictionary<string, object?> parameters, int dimensions)
    {
        var x = new double[dimensions];
        for (int i = 0; i < dimensions; i++)
        {
            x[i] = BenchmarkFunction.Number(parameters, $"x{i}");
        }

        return x;
    }
}
