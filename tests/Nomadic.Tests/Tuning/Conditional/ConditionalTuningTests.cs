using CsCheck;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Conditional;

public class ConditionalTuningTests
{
    private static readonly string[] Names = ["grid", "random", "sobol", "tpe", "tpe-multivariate", "gp", "cfo", "blendsearch", "nsga2", "auto", "tpe-objectives", "auto-objectives"];

    private static readonly ObjectiveMetric Cost = new("cost", Direction.Minimize);

    public static TheoryData<string> TunerNames => [.. Names];

    [Theory]
    [MemberData(nameof(TunerNames))]
    public async Task RunAsync_FiniteConditionalSpace_EveryConfigurationOnceThenStops(string tuner)
    {
        SearchSpace space = ConditionalSpaces.Finite();
        var options = new ExperimentOptions { Tuner = Create(tuner), NumSamples = tuner == "grid" ? null : (int)ConditionalSpaces.FiniteSize + 5, Seed = 3, Objectives = Objectives(tuner) };

        ExperimentResult result = await new Experiment(space, p => WithCost(p, p.Count), options).RunAsync();

        Assert.Equal(ConditionalSpaces.FiniteSize, result.Count);
        Assert.All(result.RunResults, r => Assert.True(ConditionalSpaces.IsWellFormed(space, r.Params), ParamValue.ToDisplayString(r.Params)));
        Assert.Equal(result.Count, result.RunResults.Select(r => ParamValue.ToDisplayString(r.Params)).Distinct().Count());
        Assert.Equal("exhausted", result.Metadata["stop_reason"]);
    }

    [Fact]
    public void Tuners_ConditionalSpace_ProposeOnlyValuesInsideDomainsAndOnlyActiveParameters()
    {
        Gen.Select(Gen.Int[1, Names.Length - 1], Gen.Int, Gen.Int[5, 40]).Sample((tunerIndex, seed, runs) =>
        {
            SearchSpace space = ConditionalSpaces.Continuous();
            var options = new ExperimentOptions { Tuner = Create(Names[tunerIndex]), NumSamples = runs, Seed = seed, Direction = Direction.Minimize, Objectives = Objectives(Names[tunerIndex]) };
            ExperimentResult result = new Experiment(space, p => WithCost(p, ConditionalSpaces.ContinuousLoss(p)), options).RunAsync().GetAwaiter().GetResult();
            return result.Count == runs && result.RunResults.All(r => ConditionalSpaces.IsWellFormed(space, r.Params));
        }, iter: 30);
    }

    [Fact]
    public async Task TpeTuner_ConditionalSpace_FindsTheConditionalOptimumBetterThanRandom()
    {
        double tpe = await MedianBest(() => new TpeTuner());
        double random = await MedianBest(() => new RandomTuner());

        Assert.True(tpe < random / 2, $"TPE median best {tpe}, random {random}");
        Assert.True(tpe < 0.02, $"TPE median best {tpe}");
    }

    [Fact]
    public async Task GaussianProcessTuner_ConditionalSpace_ConvergesInsideABranch()
    {
        // Each branch has its own optimum (sgd 0, adam 0.2); the model must refine the conditional parameter of the
        // branch it explores instead of chasing coordinates that do not exist there.
        double gp = await MedianBest(() => new GaussianProcessTuner(), runs: 40, seeds: 3);

        Assert.True(gp < 0.21, $"GP median best {gp}");
    }

    private static async Task<double> MedianBest(Func<ITuner> tuner, int runs = 100, int seeds = 5)
    {
        var bests = new List<double>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var options = new ExperimentOptions { Tuner = tuner(), NumSamples = runs, Seed = seed, Direction = Direction.Minimize };
            ExperimentResult result = await new Experiment(ConditionalSpaces.Continuous(), ConditionalSpaces.ContinuousLoss, options).RunAsync();
            bests.Add(result.BestRunResult.Score);
        }

        bests.Sort();
        return bests[bests.Count / 2];
    }

    private static ObjectiveMetric[] Objectives(string tuner) => tuner.EndsWith("-objectives", StringComparison.Ordinal) ? [Cost] : [];

    // The score with a cost that counts the active parameters, so runs in different branches trade one for the other.
    private static RunResult WithCost(IReadOnlyDictionary<string, object?> configuration, double score) =>
        new(score, configuration, new Dictionary<string, object?> { ["cost"] = configuration.Count - score });

    private static ITuner Create(string name) => name switch
    {
        "tpe-multivariate" => new TpeTuner(new TpeOptions { Multivariate = true }),
        "tpe-objectives" => new TpeTuner(),
        "auto-objectives" => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 10 }),
        _ => TunerCatalog.Default.Create(name),
    };
}
