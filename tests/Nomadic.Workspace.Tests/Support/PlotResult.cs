using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>
/// A seeded result that has every family of plot: numeric and categorical parameters, one only for one optimizer,
/// intermediate values, and a second objective for the Pareto front.
/// </summary>
internal static class PlotResult
{
    public static ExperimentResult Create()
    {
        var space = new SearchSpace
        {
            ["optimizer"] = Tune.Choice("sgd", "adam"),
            ["lr"] = Tune.LogUniform(1e-4, 1e-1),
            ["dropout"] = Tune.Uniform(0.0, 0.5),
            ["momentum"] = Tune.Uniform(0.0, 0.99).When("optimizer", "sgd"),
        };
        var random = new Random(11);
        var runs = new List<RunResult>();
        for (int i = 0; i < 16; i++)
        {
            string optimizer = i % 2 == 0 ? "sgd" : "adam";
            var parameters = new Dictionary<string, object?>
            {
                ["optimizer"] = optimizer,
                ["lr"] = Math.Exp(Math.Log(1e-4) + (random.NextDouble() * Math.Log(1e3))),
                ["dropout"] = Math.Round(random.NextDouble() * 0.5, 3),
            };
            if (optimizer == "sgd")
            {
                parameters["momentum"] = Math.Round(random.NextDouble() * 0.99, 3);
            }

            double score = 0.5 + (0.4 * random.NextDouble());
            var metadata = new Dictionary<string, object?> { ["latency_ms"] = 10 + (40 * random.NextDouble()) };
            runs.Add(new RunResult(score, parameters, metadata)
            {
                TrialNumber = i,
                IntermediateValues = [new IntermediateValue(0, score * 0.6), new IntermediateValue(1, score)],
                Duration = TimeSpan.FromSeconds(1 + i),
            });
        }

        return new ExperimentResult(space, runs, "all plots")
        {
            Direction = Direction.Maximize,
            Objectives = [new ObjectiveMetric("latency_ms", Direction.Minimize)],
        };
    }
}
