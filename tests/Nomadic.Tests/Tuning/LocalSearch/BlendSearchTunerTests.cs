using CsCheck;
using Nomadic.Objectives;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

public class BlendSearchTunerTests
{
    [Fact]
    public void Suggest_AnySpaceAndHistory_GivesConfigurationsInsideTheSpace()
    {
        LocalSearchFixtures.Scenario.Sample(scenario =>
        {
            (SearchSpace space, int seed, int runs) = scenario;
            var tuner = new BlendSearchTuner(new BlendSearchOptions { Seed = seed, GlobalTuner = new RandomTuner(seed) });
            tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));
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
    public void Suggest_DifferentSeeds_GiveDifferentSuggestions()
    {
        SearchSpace space = BenchmarkFunctions.Mixed.SearchSpace;

        Assert.NotEqual(LocalSearchFixtures.Texts(new BlendSearchTuner(new BlendSearchOptions { Seed = 3 }), space, 40), LocalSearchFixtures.Texts(new BlendSearchTuner(new BlendSearchOptions { Seed = 4 }), space, 40));
    }

    [Theory]
    [InlineData("branin")]
    [InlineData("rosenbrock5")]
    public void Run_BenchmarkFunction_MedianRegretBelowRandomSearch(string name)
    {
        BenchmarkFunction function = BenchmarkFunctions.Find(name)!;

        double blend = LocalSearchDriver.Median(LocalSearchFixtures.Regrets(function, () => new BlendSearchTuner(), 100, 5));
        double random = LocalSearchDriver.Median(LocalSearchFixtures.Regrets(function, () => new RandomTuner(), 100, 5));

        Assert.True(blend < random / 10, $"median regret: BlendSearch {blend}, random {random}");
    }

    [Fact]
    public void Run_OffsetSphereIn3d_ReachesBelowOneThousandthIn200Runs()
    {
        List<RunResult> runs = LocalSearchDriver.Run(new BlendSearchTuner(), LocalSearchFixtures.Cube(3), 200, LocalSearchFixtures.Sphere, seed: 1);

        Assert.True(runs.Min(r => r.Score) < 1e-3, $"best {runs.Min(r => r.Score)}");
    }

    [Fact]
    public void Run_Maximize_ClimbsTheNegatedSphere()
    {
        List<RunResult> runs = LocalSearchDriver.Run(new BlendSearchTuner(), LocalSearchFixtures.Cube(3), 200, c => -LocalSearchFixtures.Sphere(c), Direction.Maximize, 1);

        Assert.True(runs.Max(r => r.Score) > -1e-3, $"best {runs.Max(r => r.Score)}");
    }

    [Fact]
    public void RunParallel_EightWorkers_BlendsGlobalAndLocalProposalsWithoutDuplicates()
    {
        var global = new CountingTuner(new RandomTuner(7));

        List<RunResult> runs = LocalSearchDriver.RunParallel(new BlendSearchTuner(new BlendSearchOptions { GlobalTuner = global }), LocalSearchFixtures.Cube(3), 150, 8, LocalSearchFixtures.Sphere, seed: 2);

        Assert.Equal(150, global.Observed);
        Assert.InRange(global.Suggested, 5, 120);
        Assert.Equal(runs.Count, runs.Select(r => LocalSearchDriver.Key(r.Params)).Distinct().Count());
        Assert.True(runs.Min(r => r.Score) < 1e-2, $"best {runs.Min(r => r.Score)}");
    }

    [Fact]
    public void Run_EveryRunFails_KeepsProposingNewConfigurations()
    {
        SearchSpace space = LocalSearchFixtures.Cube(2);
        var tuner = new BlendSearchTuner(new BlendSearchOptions { Seed = 1 });
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));
        var finished = new List<RunResult>();
        for (int i = 0; i < 30; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext(finished, []))!;
            LocalSearchFixtures.AssertInside(space, configuration);
            finished.Add(RunResult.Failed(configuration, "crashed"));
            tuner.Observe(finished[^1]);
        }

        Assert.Equal(30, finished.Select(r => LocalSearchDriver.Key(r.Params)).Distinct().Count());
    }

    [Theory]
    [InlineData(0, 0.1, 1e-4)]
    [InlineData(4, 0.0, 1e-4)]
    [InlineData(4, 0.1, 0.2)]
    public void Constructor_SettingOutOfRange_ThrowsArgumentOutOfRangeException(int threads, double initial, double minimum)
    {
        var options = new BlendSearchOptions { MaxLocalSearches = threads, InitialStepSize = initial, MinStepSize = minimum };

        Assert.Throws<ArgumentOutOfRangeException>(() => new BlendSearchTuner(options));
    }

    [Fact]
    public void Name_BlendSearchTuner_IsBlendsearch()
    {
        Assert.Equal("blendsearch", new BlendSearchTuner().Name);
    }

    private sealed class CountingTuner(ITuner inner) : ITuner
    {
        public int Suggested { get; private set; }

        public int Observed { get; private set; }

        public string Name => inner.Name;

        public void Initialize(TunerSetup setup) => inner.Initialize(setup);

        public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
        {
            Suggested++;
            return inner.Suggest(context);
        }

        public void Observe(RunResult run)
        {
            Observed++;
            inner.Observe(run);
        }
    }
}
