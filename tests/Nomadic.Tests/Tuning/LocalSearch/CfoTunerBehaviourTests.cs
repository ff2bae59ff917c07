using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

public class CfoTunerBehaviourTests
{
    [Fact]
    public void Suggest_SeveralRunning_GivesMirroredAndNewDirectionsNeverRunningOnes()
    {
        var space = new SearchSpace { ["x"] = Tune.RandInt(0, 20), ["y"] = Tune.Choice("a", "b", "c") };
        var tuner = new CfoTuner(new CfoOptions { Seed = 1 });
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));
        var running = new List<IReadOnlyDictionary<string, object?>>();

        for (int i = 0; i < 12; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext([], [.. running]))!;

            Assert.DoesNotContain(LocalSearchDriver.Key(configuration), running.Select(LocalSearchDriver.Key));
            running.Add(configuration);
        }
    }

    [Fact]
    public void RunParallel_FourWorkers_StillConvergesOnTheSphere()
    {
        List<RunResult> runs = LocalSearchDriver.RunParallel(new CfoTuner(), LocalSearchFixtures.Cube(3), 300, 4, LocalSearchFixtures.Sphere, seed: 2);

        Assert.True(runs.Min(r => r.Score) < 1e-2, $"best {runs.Min(r => r.Score)}");
        Assert.Equal(runs.Count, runs.Select(r => LocalSearchDriver.Key(r.Params)).Distinct().Count());
    }

    [Fact]
    public void Run_FlatObjective_RestartsAwayFromTheFirstStartPoint()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1), ["y"] = Tune.Uniform(0, 1) };

        List<RunResult> runs = LocalSearchDriver.Run(new CfoTuner(new CfoOptions { MinStepSize = 1e-3 }), space, 150, _ => 1.0);

        // The first search never leaves a step of the centre; restarts begin at design points spread over the square.
        static double FromCentre(RunResult r) => Math.Max(Math.Abs((double)r.Params["x"]! - 0.5), Math.Abs((double)r.Params["y"]! - 0.5));
        Assert.True(runs.Take(20).All(r => FromCentre(r) < 0.16));
        Assert.True(runs.Skip(20).Count(r => FromCentre(r) > 0.25) >= 5);
    }

    [Fact]
    public void Suggest_FiniteSpaceFullyExplored_ReturnsNull()
    {
        var space = new SearchSpace { ["k"] = Tune.RandInt(0, 3), ["c"] = Tune.Choice("a", "b") };

        List<RunResult> runs = LocalSearchDriver.Run(new CfoTuner(), space, 50, c => (int)c["k"]! + (c["c"] is "a" ? 1 : 0));

        Assert.Equal(6, runs.Count);
        Assert.Equal(6, runs.Select(r => LocalSearchDriver.Key(r.Params)).Distinct().Count());
    }

    [Fact]
    public void Run_FailuresAndPrunedRuns_CountAsNoImprovementAndTheSearchGoesOn()
    {
        var tuner = new CfoTuner(new CfoOptions { Seed = 4 });
        SearchSpace space = LocalSearchFixtures.Cube(3);
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));
        var finished = new List<RunResult>();
        for (int i = 0; i < 200; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext(finished, []))!;
            LocalSearchFixtures.AssertInside(space, configuration);
            double score = LocalSearchFixtures.Sphere(configuration);
            RunResult run = (double)configuration["x0"]! > 0.5 ? RunResult.Failed(configuration, "diverged")
                : i % 5 == 0 ? RunResult.Pruned(configuration, [new IntermediateValue(0, -100)])
                : new RunResult(score, configuration);
            finished.Add(run);
            tuner.Observe(run);
        }

        // The optimum (x0 = 0.37) lies where runs complete; pruned runs report a tempting -100 that must not count.
        double best = finished.Where(r => r.HasUsableScore).Min(r => r.Score);
        Assert.True(best < 1e-2, $"best {best}");
    }

    [Fact]
    public void Observe_BetterRunItDidNotPropose_MovesTheSearchThere()
    {
        SearchSpace space = LocalSearchFixtures.Cube(3);
        var tuner = new CfoTuner(new CfoOptions { Seed = 1 });
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));
        var baseline = new Dictionary<string, object?> { ["x0"] = 0.37, ["x1"] = -0.52, ["x2"] = 0.7 };
        tuner.Observe(new RunResult(LocalSearchFixtures.Sphere(baseline), baseline) { IsBaseline = true });

        IReadOnlyDictionary<string, object?> next = tuner.Suggest(new TunerContext([], []))!;

        Assert.True(LocalSearchFixtures.Sphere(next) < 0.2, $"suggested {LocalSearchDriver.Key(next)}");
    }

    [Fact]
    public void Observe_RunMissingAParameter_ImputesItAndGoesOn()
    {
        SearchSpace space = LocalSearchFixtures.Cube(3);
        var tuner = new CfoTuner();
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));
        tuner.Observe(new RunResult(-5, new Dictionary<string, object?> { ["x0"] = 0.9 }));

        IReadOnlyDictionary<string, object?> next = tuner.Suggest(new TunerContext([], []))!;

        LocalSearchFixtures.AssertInside(space, next);
    }

    [Fact]
    public void Suggest_GridSearchParameter_CyclesThroughItsValues()
    {
        var space = new SearchSpace { ["model"] = Tune.GridSearch("a", "b", "c"), ["x"] = Tune.Uniform(0, 1) };

        List<RunResult> runs = LocalSearchDriver.Run(new CfoTuner(), space, 9, c => (double)c["x"]!);

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a", "b", "c"], runs.Select(r => r.Params["model"]));
    }

    [Theory]
    [InlineData(0.0, 1e-4)]
    [InlineData(1.5, 1e-4)]
    [InlineData(0.1, 0.0)]
    [InlineData(0.1, 0.1)]
    [InlineData(double.NaN, 1e-4)]
    public void Constructor_StepSizeOutOfRange_ThrowsArgumentOutOfRangeException(double initial, double minimum)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CfoTuner(new CfoOptions { InitialStepSize = initial, MinStepSize = minimum }));
    }

    [Fact]
    public void Suggest_BeforeInitialize_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new CfoTuner().Suggest(new TunerContext([], [])));
        Assert.Throws<InvalidOperationException>(() => new CfoTuner().Observe(new RunResult(1, new Dictionary<string, object?>())));
    }

    [Fact]
    public void Name_CfoTuner_IsCfo()
    {
        Assert.Equal("cfo", new CfoTuner().Name);
    }
}
