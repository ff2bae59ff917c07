using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Conditional;

/// <summary>Conditional search spaces shared by the tests.</summary>
internal static class ConditionalSpaces
{
    /// <summary>optimizer ∈ {sgd, adam, rmsprop}; momentum (3 values) and nesterov only for sgd; beta only for adam; lr always.</summary>
    public static SearchSpace Finite() => new()
    {
        ["optimizer"] = Tune.Choice("sgd", "adam", "rmsprop"),
        ["momentum"] = Tune.Choice(0.0, 0.5, 0.9).When("optimizer", "sgd"),
        ["nesterov"] = Tune.Choice(false, true).When("momentum", 0.5, 0.9),
        ["beta"] = Tune.RandInt(1, 4).When("optimizer", "adam"),
        ["lr"] = Tune.Choice(0.1, 0.01),
    };

    /// <summary>The number of configurations of <see cref="Finite"/>: sgd (0.0 → 1, 0.5/0.9 → 2 each) × 2 lr + adam 3 × 2 + rmsprop 2.</summary>
    public const long FiniteSize = (5 * 2) + (3 * 2) + 2;

    /// <summary>A continuous conditional space with an objective whose optimum needs the conditional parameter.</summary>
    public static SearchSpace Continuous() => new()
    {
        ["optimizer"] = Tune.Choice("sgd", "adam"),
        ["momentum"] = Tune.Uniform(0.0, 1.0).When("optimizer", "sgd"),
        ["beta"] = Tune.LogUniform(1e-4, 1.0).When("optimizer", "adam"),
        ["x"] = Tune.Uniform(-2.0, 2.0),
    };

    /// <summary>Minimum 0 at sgd, momentum 0.9, x 0.5; adam's best is 0.2 at beta 1e-2.</summary>
    public static double ContinuousLoss(IReadOnlyDictionary<string, object?> p)
    {
        double x = (double)p["x"]!;
        double shared = (x - 0.5) * (x - 0.5);
        return (string)p["optimizer"]! == "sgd"
            ? shared + (4 * ((double)p["momentum"]! - 0.9) * ((double)p["momentum"]! - 0.9))
            : shared + 0.2 + (0.1 * Math.Pow(Math.Log10((double)p["beta"]!) + 2, 2));
    }

    /// <summary>Tells whether a run's parameters have exactly the active parameters, each inside its domain.</summary>
    public static bool IsWellFormed(SearchSpace space, IReadOnlyDictionary<string, object?> configuration) =>
        space.Names.All(n => space.IsActive(n, configuration)
            ? configuration.TryGetValue(n, out object? v) && space[n].Contains(v)
            : !configuration.ContainsKey(n));
}
