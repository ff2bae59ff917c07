using CsCheck;
using Nomadic.Objectives;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

public class CfoTunerTests
{
    [Fact]
    public void Suggest_AnySpaceAndHistory_GivesConfigurationsInsideTheSpace()
    {
        LocalSearchFixtures.Scenario.Sample(scenario =>
        {
            (SearchSpace space, int seed, int runs) = scenario;
            var tuner = new CfoTuner(new CfoOptions { Seed = seed });
            tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));
            List<IReadOnlyDictionary<string, object?>> running = LocalSearchFixtures.Observe(tuner, space, seed, runs);

            for (int i = 0; i < 6; i++)
            {
                IReadOnlyDictionary<string, object?>? configuration = tuner.Suggest(new TunerContext([], [.. running]));
                if (configuration is null)
                {
                    return;
                }

                LocalSearchFixtures.AssertInside(space, configuration);
                running.Add(configuration);
            }
        }, iter: 150);
    }

    [Fact]
    public void Suggest_OtherSeedOrTheExperimentSeed_DecidesTheSuggestions()
    {
        SearchSpace space = BenchmarkFunctions.Mixed.SearchSpace;

        Assert.NotEqual(LocalSearchFixtures.Texts(new CfoTuner(new CfoOptions { Seed = 3 }), space, 60), LocalSearchFixtures.Texts(new CfoTuner(new CfoOptions { Seed = 4 }), space, 60));
        Assert.Equal(LocalSearchFixtures.Texts(new CfoTuner(), space, 60, experimentSeed: 5), LocalSearchFixtures.Texts(new CfoTuner(new CfoOptions { Seed = 5 }), space, 60, experimentSeed: 9));
    }

    [Fact]
    public void Suggest_NoStartPoint_StartsAtTheCentreAndFirstChoice()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 10), ["k"] = Tune.RandInt(0, 5), ["c"] = Tune.Choice("a", "b", "c") };
        var tuner = new CfoTuner();
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));

        IReadOnlyDictionary<string, object?> first = tuner.Suggest(new TunerContext([], []))!;

        Assert.Equal(5.0, first["x"]);
        Assert.Equal(2, first["k"]);
        Assert.Equal("a", first["c"]);
    }

    [Fact]
    public void Suggest_StartAndLowCostPoints_StartsThere()
    {
        var space = new SearchSpace { ["trees"] = Tune.LogRandInt(4, 1000), ["lr"] = Tune.LogUniform(1e-3, 1), ["x"] = Tune.Uniform(0, 1) };
        var tuner = new CfoTuner(new CfoOptions { StartPoint = new Dictionary<string, object?> { ["lr"] = 0.1 }, LowCostPoint = new Dictionary<string, object?> { ["trees"] = 4, ["lr"] = 1.0 } });
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));

        IReadOnlyDictionary<string, object?> first = tuner.Suggest(new TunerContext([], []))!;

        Assert.Equal(4, first["trees"]);
        Assert.Equal(0.1, (double)first["lr"]!, 12);
        Assert.Equal(0.5, first["x"]);
    }

    [Theory]
    [InlineData("nope", 1.0)]
    [InlineData("x", 2.0)]
    public void Initialize_StartPointOutsideTheSpace_ThrowsSearchSpaceException(string name, double value)
    {
        var tuner = new CfoTuner(new CfoOptions { StartPoint = new Dictionary<string, object?> { [name] = value } });

        Assert.Throws<SearchSpaceException>(() => tuner.Initialize(new TunerSetup(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, Direction.Minimize, 0)));
    }

    [Fact]
    public void Run_OffsetSphereIn3d_ReachesBelowOneThousandthIn200Runs()
    {
        foreach (int seed in new[] { 1, 2, 3 })
        {
            List<RunResult> runs = LocalSearchDriver.Run(new CfoTuner(), LocalSearchFixtures.Cube(3), 200, LocalSearchFixtures.Sphere, seed: seed);

            Assert.True(runs.Min(r => r.Score) < 1e-3, $"seed {seed}: best {runs.Min(r => r.Score)}");
        }
    }

    [Fact]
    public void Run_Maximize_ClimbsTheNegatedSphere()
    {
        List<RunResult> runs = LocalSearchDriver.Run(new CfoTuner(), LocalSearchFixtures.Cube(3), 200, c => -LocalSearchFixtures.Sphere(c), Direction.Maximize, 1);

        Assert.True(runs.Max(r => r.Score) > -1e-3, $"best {runs.Max(r => r.Score)}");
    }

    [Theory]
    [InlineData("branin")]
    [InlineData("rosenbrock5")]
    public void Run_BenchmarkFunction_MedianRegretBelowRandomSearch(string name)
    {
        BenchmarkFunction function = BenchmarkFunctions.Find(name)!;

        double cfo = LocalSearchDriver.Median(LocalSearchFixtures.Regrets(function, () => new CfoTuner(), 100, 5));
        double random = LocalSearchDriver.Median(LocalSearchFixtures.Regrets(function, () => new RandomTuner(), 100, 5));

        Assert.True(cfo < random / 10, $"median regret: CFO {cfo}, random {random}");
    }
}
