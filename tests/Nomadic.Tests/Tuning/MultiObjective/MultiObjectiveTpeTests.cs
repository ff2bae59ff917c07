using CsCheck;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.MultiObjective;

/// <summary><see cref="TpeTuner"/> with objectives besides the score (multi-objective TPE).</summary>
public class MultiObjectiveTpeTests
{
    private static readonly ObjectiveMetric F2 = new("f2", Direction.Minimize);

    [Fact]
    public void Suggest_DifferentSeeds_GiveDifferentSequences()
    {
        Assert.NotEqual(Zdt1Params(seed: 3), Zdt1Params(seed: 4));
    }

    [Fact]
    public async Task RunAsync_Zdt1With60Runs_FrontHasMoreHypervolumeThanRandomSearch()
    {
        var random = new List<double>();
        var tpe = new List<double>();
        for (int seed = 0; seed < 5; seed++)
        {
            random.Add(Volume(await Zdt1(new RandomTuner(), seed, runs: 60).RunAsync()));
            tpe.Add(Volume(await Zdt1(new TpeTuner(), seed, runs: 60).RunAsync()));
        }

        // Five seeds of each (about 4.0 against 2.6 at the median).
        double randomMedian = random.Order().ElementAt(2);
        string volumes = $"TPE {string.Join(", ", tpe.Select(v => v.ToString("F3")))}; random median {randomMedian:F3}";
        Assert.True(tpe.Order().ElementAt(2) > 1.3 * randomMedian, volumes);
        Assert.True(tpe.All(v => v > randomMedian), volumes);
    }

    [Fact]
    public void Suggest_NoRunReportsTheObjective_KeepsProposingInsideTheDomain()
    {
        // Every run lacks f2, so none is comparable: the "below" group is filled by the score, as with pruned runs, and
        // weighs next to nothing beside the prior.
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        var tuner = new TpeTuner(new TpeOptions { StartupTrials = 2 });
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 1) { Objectives = [F2] });
        for (int i = 0; i < 15; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext([], []))!;
            Assert.InRange((double)configuration["x"]!, 0, 1);
            tuner.Observe(new RunResult((double)configuration["x"]!, configuration));
        }
    }

    private static RunResult Outcome(IReadOnlyDictionary<string, object?> configuration, System.Random random) => random.Next(6) switch
    {
        0 => RunResult.Failed(configuration, "boom"),
        1 => new RunResult(random.NextDouble(), configuration),
        2 => new RunResult(random.NextDouble(), configuration) { Status = RunStatus.Pruned },
        _ => new RunResult(random.NextDouble(), configuration, new Dictionary<string, object?> { ["f2"] = random.Next(10) }),
    };

    private static Experiment Zdt1(ITuner tuner, int seed, int runs)
    {
        var space = new SearchSpace();
        for (int i = 0; i < 6; i++)
        {
            space.Add("x" + i, Tune.Uniform(0, 1));
        }

        return new Experiment(space, p =>
        {
            double[] x = [.. Enumerable.Range(0, 6).Select(i => (double)p["x" + i]!)];
            double g = 1 + (9 * x.Skip(1).Sum() / 5);
            return new RunResult(x[0], p, new Dictionary<string, object?> { ["f2"] = g * (1 - Math.Sqrt(x[0] / g)) });
        }, new ExperimentOptions { Tuner = tuner, NumSamples = runs, Direction = Direction.Minimize, Objectives = [F2], Seed = seed });
    }

    private static double Volume(ExperimentResult result) =>
        Hypervolume.Of(result.ParetoFront().Select(r => new[] { r.Score, (double)r.Metadata["f2"]! }), [1.1, 5.0]);

    private static List<string> Zdt1Params(int seed)
    {
        ExperimentResult result = Zdt1(new TpeTuner(), seed, runs: 30).RunAsync().GetAwaiter().GetResult();
        return [.. result.RunResults.Select(r => string.Join(",", r.Params.Values))];
    }
}
