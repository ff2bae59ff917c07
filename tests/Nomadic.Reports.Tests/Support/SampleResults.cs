using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Reports.Tests.Support;

/// <summary>Seeded experiment results covering every plot: mixed parameters, a baseline, failed and pruned runs, objectives.</summary>
internal static class SampleResults
{
    public static readonly string[] Optimizers = ["sgd", "adam", "rmsprop"];

    public static ExperimentResult Mixed(int runs = 40, bool withObjectives = false, IReadOnlyDictionary<string, object?>? extraMetadata = null)
    {
        var space = new SearchSpace
        {
            ["optimizer"] = Tune.Choice("sgd", "adam", "rmsprop"),
            ["layers"] = Tune.RandInt(1, 9),
            ["dropout"] = Tune.Uniform(0.0, 0.9),
            ["lr"] = Tune.LogUniform(1e-5, 0.1),
        };
        var random = new Random(7);
        var results = new List<RunResult>();
        for (int i = 0; i < runs; i++)
        {
            var p = new Dictionary<string, object?>
            {
                ["optimizer"] = Optimizers[random.Next(3)],
                ["layers"] = random.Next(1, 9),
                ["dropout"] = Math.Round(random.NextDouble() * 0.9, 3),
                ["lr"] = Math.Exp(Math.Log(1e-5) + (random.NextDouble() * (Math.Log(0.1) - Math.Log(1e-5)))),
            };
            double score = Score(p) + (random.NextDouble() * 0.05);
            var metadata = new Dictionary<string, object?> { ["latency_ms"] = 10.0 + ((int)p["layers"]! * 5) + (random.NextDouble() * 3) };
            if (i == 0 && extraMetadata is not null)
            {
                foreach ((string key, object? value) in extraMetadata)
                {
                    metadata[key] = value;
                }
            }

            RunResult run = i switch
            {
                5 => RunResult.Failed(p, "TimeoutException: the objective took too long", metadata),
                _ when i % 7 == 3 => RunResult.Pruned(p, [new IntermediateValue(0, score * 0.5), new IntermediateValue(1, score * 0.7)], metadata),
                _ => new RunResult(score, p, metadata) { IntermediateValues = [new IntermediateValue(0, score * 0.5), new IntermediateValue(1, score * 0.8), new IntermediateValue(2, score)] },
            };
            results.Add(run.WithTrialInfo(i, new DateTimeOffset(2026, 1, 1, 12, 0, i, TimeSpan.Zero), TimeSpan.FromMilliseconds(100 + (i * 13)), isBaseline: i == 0));
        }

        return new ExperimentResult(space, results, "mixed")
        {
            Direction = Direction.Maximize,
            Objectives = withObjectives ? [new ObjectiveMetric("latency_ms", Direction.Minimize)] : [],
            Metadata = new Dictionary<string, object?> { ["tuner"] = "random", ["seed"] = 7 },
        };
    }

    private static double Score(Dictionary<string, object?> p)
    {
        double lr = (double)p["lr"]!;
        double optimizer = (string)p["optimizer"]! switch { "adam" => 0.1, "rmsprop" => 0.05, _ => 0.0 };
        return 0.9 - (0.02 * Math.Pow(Math.Log10(lr) + 3, 2)) - (0.1 * Math.Abs((double)p["dropout"]! - 0.3)) - (0.005 * Math.Abs((int)p["layers"]! - 4)) + optimizer;
    }
}
