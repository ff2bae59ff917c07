using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Grid;

public class GridSearchCycleTests
{
    private static SearchSpace Space() => new()
    {
        ["model"] = Tune.GridSearch("a", "b"),
        ["lr"] = Tune.LogUniform(1e-4, 1),
        ["layers"] = Tune.GridSearch(1, 2, 3),
        ["k"] = Tune.RandInt(0, 10),
    };

    public static TheoryData<string> TunerNames => ["random", "sobol", "tpe", "gp", "cfo", "blendsearch", "nsga2", "auto"];

    private static ITuner Create(string name) => name switch
    {
        "random" => new RandomTuner(),
        "sobol" => new QuasiRandomTuner(),
        "tpe" => new TpeTuner(new TpeOptions { StartupTrials = 3 }),
        "gp" => new GaussianProcessTuner(new GaussianProcessOptions { StartupTrials = 3, CandidateCount = 32, LocalSearches = 1 }),
        "cfo" => new CfoTuner(),
        "blendsearch" => new BlendSearchTuner(),
        "nsga2" => new NsgaIITuner(new NsgaIIOptions { PopulationSize = 4 }),
        _ => new AutoTuner(),
    };

    [Fact]
    public void Next_TwoGridSearchParameters_CyclesThroughTheProductFirstSlowest()
    {
        var cycle = new GridSearchCycle(Space());

        var points = Enumerable.Range(0, 8).Select(_ => cycle.Next()).Select(p => $"{p["model"]}{p["layers"]}").ToList();

        Assert.Equal(["a1", "a2", "a3", "b1", "b2", "b3", "a1", "a2"], points);
    }

    [Fact]
    public void SampledNames_MixedSpace_ListsTheOtherParametersInOrder()
    {
        var cycle = new GridSearchCycle(Space());

        Assert.Equal(["lr", "k"], cycle.SampledNames);
        Assert.Empty(cycle.Point);
    }

    [Fact]
    public void Next_NoGridSearchParameter_GivesAnEmptyPoint()
    {
        var cycle = new GridSearchCycle(new SearchSpace { ["x"] = Tune.Uniform(0, 1) });

        Assert.Empty(cycle.Next());
        Assert.Equal(["x"], cycle.SampledNames);
    }

    [Theory]
    [MemberData(nameof(TunerNames))]
    public void Suggest_GridSearchWithSampledParameters_EveryTunerEnumeratesTheSameGrid(string name)
    {
        var space = Space();
        var cycle = new GridSearchCycle(space);
        ITuner tuner = Create(name);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 3));
        var finished = new List<RunResult>();

        for (int i = 0; i < 14; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext(finished, []))!;
            IReadOnlyDictionary<string, object?> expected = cycle.Next();

            Assert.Equal(expected["model"], configuration["model"]);
            Assert.Equal(expected["layers"], configuration["layers"]);
            Assert.True(space["lr"].Contains(configuration["lr"]) && space["k"].Contains(configuration["k"]), $"{name} proposed {configuration["lr"]}, {configuration["k"]}");
            var run = new RunResult(-Math.Abs(Math.Log10((double)configuration["lr"]!) + 2), configuration) { TrialNumber = i };
            tuner.Observe(run);
            finished.Add(run);
        }
    }
}
