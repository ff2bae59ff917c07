using CsCheck;
using Nomadic.Experiments;
using Nomadic.Objectives;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Gp;

public class GaussianProcessTunerTests
{
    // Fewer candidates and local searches keep the property tests fast; the model path is the same.
    private static readonly GaussianProcessOptions Quick = QuickWithSeed(null);

    private static readonly SearchSpace MixedSpace = new()
    {
        ["lr"] = Tune.LogUniform(1e-5, 1e-1),
        ["opt"] = Tune.Choice("sgd", "adam", "rmsprop"),
        ["layers"] = Tune.RandInt(1, 8),
        ["dropout"] = Tune.QUniform(0, 0.5, 0.05),
    };

    [Fact]
    public void Suggest_DifferentSeeds_GiveDifferentSequences()
    {
        Assert.NotEqual(Texts(7), Texts(8));

        static List<string> Texts(int seed) => TunerDriver.Run(new GaussianProcessTuner(QuickWithSeed(seed)), MixedSpace, 12, TunerDriver.Hash)
            .Select(c => string.Join(",", c.Select(kv => $"{kv.Key}={kv.Value}"))).ToList();
    }

    [Fact]
    public void Suggest_RunningConfigurations_AreNotProposedAgain()
    {
        var space = new SearchSpace { ["n"] = Tune.RandInt(0, 6) };
        var tuner = new GaussianProcessTuner(Quick);
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 1));
        var finished = new List<RunResult> { Run(0, 3.0), Run(1, 2.0), Run(2, 1.0) };
        var running = new List<IReadOnlyDictionary<string, object?>> { Config(3), Config(4) };

        IReadOnlyDictionary<string, object?> next = tuner.Suggest(new TunerContext(finished, running))!;

        Assert.Equal(5, next["n"]);

        static RunResult Run(int n, double score) => new(score, Config(n));
        static Dictionary<string, object?> Config(int n) => new() { ["n"] = n };
    }

    [Fact]
    public void Suggest_FailedAndForeignRuns_StillGivesAConfigurationOfTheSpace()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1), ["c"] = Tune.Choice("a", "b") };
        var tuner = new GaussianProcessTuner(Quick);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 1));
        List<RunResult> finished =
        [
            new(0.2, new Dictionary<string, object?> { ["x"] = 0.1, ["c"] = "a" }),
            new(0.5, new Dictionary<string, object?> { ["x"] = 0.5, ["c"] = "b" }),
            new(0.9, new Dictionary<string, object?> { ["x"] = 0.9, ["c"] = "a" }),
            RunResult.Failed(new Dictionary<string, object?> { ["x"] = 0.3, ["c"] = "b" }, "boom"),
            new(double.PositiveInfinity, new Dictionary<string, object?> { ["x"] = 0.7, ["c"] = "b" }) { Status = RunStatus.Failed },
            new(5.0, new Dictionary<string, object?> { ["x"] = 0.2, ["c"] = "unknown" }),
            new(5.0, new Dictionary<string, object?> { ["y"] = 1 }),
        ];

        IReadOnlyDictionary<string, object?> next = tuner.Suggest(new TunerContext(finished, []))!;

        Assert.True(space.Contains(next));
    }

    [Fact]
    public void Suggest_WhileItsProposalRuns_ProposesAPointElsewhere()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        List<RunResult> finished = [.. new[] { 0.05, 0.3, 0.5, 0.7, 0.95 }.Select(x => new RunResult(Math.Sin(9 * x), new Dictionary<string, object?> { ["x"] = x }))];
        var tuner = new GaussianProcessTuner(Quick);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 1));
        IReadOnlyDictionary<string, object?> first = tuner.Suggest(new TunerContext(finished, []))!;

        IReadOnlyDictionary<string, object?> second = tuner.Suggest(new TunerContext(finished, [first]))!;

        Assert.True(Math.Abs((double)first["x"]! - (double)second["x"]!) > 0.02, $"{first["x"]} then {second["x"]}");
    }

    [Fact]
    public void Suggest_AfterARejectedSuggestion_GivesAnotherConfiguration()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        var tuner = new GaussianProcessTuner(Quick);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 1));
        List<RunResult> finished = [.. new[] { 0.1, 0.5, 0.9 }.Select(x => new RunResult(x, new Dictionary<string, object?> { ["x"] = x }))];
        IReadOnlyDictionary<string, object?> first = tuner.Suggest(new TunerContext(finished, []))!;

        IReadOnlyDictionary<string, object?> second = tuner.Suggest(new TunerContext(finished, []) { RejectedSuggestions = 1 })!;

        Assert.NotEqual(first["x"], second["x"]);
    }

    [Fact]
    public void Suggest_GridSearchParameter_CyclesThroughItsValues()
    {
        var space = new SearchSpace { ["model"] = Tune.GridSearch("a", "b", "c"), ["t"] = Tune.Uniform(0, 1) };

        var models = TunerDriver.Run(new GaussianProcessTuner(Quick), space, 9, TunerDriver.Hash).Select(c => c["model"]);

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a", "b", "c"], models);
    }

    [Theory]
    [InlineData(-1, 1, 1)]
    [InlineData(0, 0, 1)]
    [InlineData(0, 1, 0)]
    public void Constructor_SettingOutOfRange_Throws(int startup, int candidates, int searches)
    {
        var options = new GaussianProcessOptions { StartupTrials = startup, CandidateCount = candidates, LocalSearches = searches };

        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianProcessTuner(options));
    }

    [Fact]
    public async Task RunAsync_Branin_FindsTheOptimumBetterThanRandomSearch()
    {
        double[] gp = await Regrets(BenchmarkFunctions.Branin, () => new GaussianProcessTuner());
        double[] random = await Regrets(BenchmarkFunctions.Branin, () => new RandomTuner());

        Assert.True(Median(gp) < 0.1, $"median regret {Median(gp)}");
        Assert.True(Median(gp) < Median(random) / 10, $"median regret {Median(gp)} against random search's {Median(random)}");
    }

    [Fact]
    public async Task RunAsync_MixedSpace_BeatsRandomSearch()
    {
        double[] gp = await Regrets(BenchmarkFunctions.Mixed, () => new GaussianProcessTuner());
        double[] random = await Regrets(BenchmarkFunctions.Mixed, () => new RandomTuner());

        Assert.True(Median(gp) < Median(random) / 2, $"median regret {Median(gp)} against random search's {Median(random)}");
    }

    private static async Task<double[]> Regrets(BenchmarkFunction function, Func<ITuner> tuner)
    {
        var regrets = new List<double>();
        foreach (int seed in new[] { 1, 2, 3 })
        {
            using var experiment = new Experiment(function.SearchSpace, function.Evaluate, new ExperimentOptions
            {
                Tuner = tuner(),
                NumSamples = 50,
                Seed = seed,
                Direction = Direction.Minimize,
            });
            ExperimentResult result = await experiment.RunAsync();
            regrets.Add(result.BestRunResult.Score - function.Optimum);
        }

        return [.. regrets];
    }

    private static GaussianProcessOptions QuickWithSeed(int? seed) => new() { StartupTrials = 3, CandidateCount = 64, LocalSearches = 2, Seed = seed };

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    private static void AssertType(Domain domain, object? value)
    {
        switch (domain)
        {
            case IntDomain:
                Assert.IsType<int>(value);
                break;
            case FloatDomain:
                Assert.IsType<double>(value);
                break;
            case ChoiceDomain choice:
                Assert.Contains(choice.Values, v => Equals(v, value));
                break;
        }
    }
}
