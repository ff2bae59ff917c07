using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Results;

/// <summary>The examples of nomadic's result documentation, and small builders for runs.</summary>
internal static class SeedResults
{
    public static SearchSpace Space() => new()
    {
        ["learning_rate"] = Tune.Choice(0.01, 0.02),
        ["batch_size"] = Tune.Choice(32, 64),
    };

    /// <summary>The four runs of the ExperimentResult example: scores 0.85, 0.90, 0.83, 0.89.</summary>
    public static ExperimentResult FourRuns(string? name = null) => new(
        Space(),
        [
            new RunResult(0.85, Params(("learning_rate", 0.01), ("batch_size", 32))),
            new RunResult(0.90, Params(("learning_rate", 0.02), ("batch_size", 32))),
            new RunResult(0.83, Params(("learning_rate", 0.01), ("batch_size", 64))),
            new RunResult(0.89, Params(("learning_rate", 0.02), ("batch_size", 64))),
        ],
        name);

    /// <summary>The RunResult example: score 0.85 with metadata.</summary>
    public static RunResult ExampleRun() => new(
        0.85,
        Params(("learning_rate", 0.01), ("batch_size", 32)),
        Params(("run_id", "001"), ("experiment", "baseline")));

    public static Dictionary<string, object?> Params(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static RunResult Run(double score, params (string Key, object? Value)[] pairs) => new(score, Params(pairs));

    public static ExperimentResult Result(Direction direction, params double[] scores) =>
        new(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, scores.Select((s, i) => Run(s, ("x", i / 100.0))))
        {
            Direction = direction,
        };
}
