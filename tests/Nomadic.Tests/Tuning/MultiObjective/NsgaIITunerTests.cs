using CsCheck;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.MultiObjective;

public class NsgaIITunerTests
{
    private static readonly ObjectiveMetric F2 = new("f2", Direction.Minimize);

    [Fact]
    public void Suggest_AnySpaceAndOutcomes_GivesValuesInsideEveryDomain()
    {
        Gen.Select(DomainGenerators.Space, Gen.Int, Gen.OneOf(NsgaIICrossover.Uniform, NsgaIICrossover.Sbx)).Sample((space, seed, crossover) =>
        {
            var tuner = new NsgaIITuner(new NsgaIIOptions { PopulationSize = 4, Crossover = crossover, MutationProbability = 0.2 });
            tuner.Initialize(new TunerSetup(space, Direction.Maximize, seed) { Objectives = [F2] });
            var outcomes = new System.Random(seed);
            for (int i = 0; i < 40; i++)
            {
                IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext([], []))!;

                Assert.Equal(space.Names.Order(), configuration.Keys.Order());
                Assert.True(space.Contains(configuration), $"{space} does not contain {string.Join(", ", configuration)}");
                tuner.Observe(Outcome(configuration, outcomes));
            }
        }, iter: 60);
    }

    [Fact]
    public void Suggest_SameSeedAndRuns_GivesTheSameSequence()
    {
        Assert.Equal(Zdt1Params(seed: 3, NsgaIICrossover.Sbx), Zdt1Params(seed: 3, NsgaIICrossover.Sbx));
        Assert.NotEqual(Zdt1Params(seed: 3, NsgaIICrossover.Sbx), Zdt1Params(seed: 4, NsgaIICrossover.Sbx));
    }

    [Theory]
    [InlineData(NsgaIICrossover.Uniform)]
    [InlineData(NsgaIICrossover.Sbx)]
    public async Task RunAsync_Zdt1_FrontAfter500RunsHasMoreHypervolumeThanRandomSearch(NsgaIICrossover crossover)
    {
        ExperimentResult nsga = await Zdt1(new NsgaIITuner(new NsgaIIOptions { Crossover = crossover }), seed: 11).RunAsync();
        ExperimentResult random = await Zdt1(new RandomTuner(), seed: 11).RunAsync();

        double nsgaVolume = Volume(nsga);
        double randomVolume = Volume(random);

        Assert.True(nsgaVolume > 0.3 && nsgaVolume > 3 * randomVolume, $"NSGA-II {nsgaVolume:F3} vs random {randomVolume:F3}");
    }

    [Fact]
    public async Task RunAsync_SingleObjective_ImprovesOnItsFirstGenerationAsAGeneticAlgorithm()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-5, 5), ["y"] = Tune.Uniform(-5, 5) };
        var tuner = new NsgaIITuner(new NsgaIIOptions { PopulationSize = 20 });
        ExperimentResult result = await new Experiment(space, p => Math.Pow((double)p["x"]! - 1, 2) + Math.Pow((double)p["y"]! + 2, 2), new ExperimentOptions { Tuner = tuner, NumSamples = 200, Direction = Direction.Minimize, Seed = 5 }).RunAsync();

        double firstGeneration = result.RunResults.Take(20).Min(r => r.Score);
        Assert.True(result.BestRunResult.Score < firstGeneration / 10, $"best {result.BestRunResult.Score} vs first generation {firstGeneration}");
        Assert.Equal("nsga2", result.Metadata["tuner"]);
    }

    [Fact]
    public void Suggest_GridSearchParameter_CyclesThroughItsValues()
    {
        var space = new SearchSpace { ["model"] = Tune.GridSearch("a", "b", "c"), ["t"] = Tune.Uniform(0, 1) };
        var tuner = new NsgaIITuner(new NsgaIIOptions { PopulationSize = 2 });
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 1));
        var models = new List<object?>();
        for (int i = 0; i < 7; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(new TunerContext([], []))!;
            models.Add(configuration["model"]);
            tuner.Observe(new RunResult((double)configuration["t"]!, configuration));
        }

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], models);
    }

    [Fact]
    public void Suggest_OnlyFailedOrIncompleteRuns_KeepsDrawingAtRandom()
    {
        var space = new SearchSpace { ["t"] = Tune.Uniform(0, 1) };
        var seeded = new NsgaIITuner(new NsgaIIOptions { PopulationSize = 2 });
        var random = new RandomTuner();
        seeded.Initialize(new TunerSetup(space, Direction.Maximize, 8) { Objectives = [F2] });
        random.Initialize(new TunerSetup(space, Direction.Maximize, 8));
        for (int i = 0; i < 6; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = seeded.Suggest(new TunerContext([], []))!;
            Assert.Equal(random.Suggest(new TunerContext([], []))!["t"], configuration["t"]);
            seeded.Observe(i % 2 == 0 ? RunResult.Failed(configuration, "boom") : new RunResult(1, configuration));
        }
    }

    [Theory]
    [InlineData(1, 0.9, null, "PopulationSize")]
    [InlineData(50, 1.5, null, "CrossoverProbability")]
    [InlineData(50, 0.9, -0.1, "MutationProbability")]
    public void Constructor_SettingOutOfRange_NamesIt(int population, double crossover, double? mutation, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new NsgaIITuner(new NsgaIIOptions { PopulationSize = population, CrossoverProbability = crossover, MutationProbability = mutation }));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Options_Defaults_AreOptunas()
    {
        var options = new NsgaIIOptions();

        Assert.Equal((50, 0.9, null, 0.5, NsgaIICrossover.Uniform), (options.PopulationSize, options.CrossoverProbability, options.MutationProbability, options.SwappingProbability, options.Crossover));
    }

    private static RunResult Outcome(IReadOnlyDictionary<string, object?> configuration, System.Random random) => random.Next(5) switch
    {
        0 => RunResult.Failed(configuration, "boom"),
        1 => new RunResult(random.NextDouble(), configuration),
        _ => new RunResult(random.NextDouble(), configuration, new Dictionary<string, object?> { ["f2"] = random.Next(10) }),
    };

    private static Experiment Zdt1(ITuner tuner, int seed)
    {
        var space = new SearchSpace();
        for (int i = 0; i < 5; i++)
        {
            space.Add("x" + i, Tune.Uniform(0, 1));
        }

        return new Experiment(space, p =>
        {
            double[] x = [.. Enumerable.Range(0, 5).Select(i => (double)p["x" + i]!)];
            double g = 1 + (9 * x.Skip(1).Sum() / 4);
            return new RunResult(x[0], p, new Dictionary<string, object?> { ["f2"] = g * (1 - Math.Sqrt(x[0] / g)) });
        }, new ExperimentOptions { Tuner = tuner, NumSamples = 500, Direction = Direction.Minimize, Objectives = [F2], Seed = seed });
    }

    private static double Volume(ExperimentResult result) =>
        Hypervolume.Of(result.ParetoFront().Select(r => new[] { r.Score, (double)r.Metadata["f2"]! }), [1.1, 1.1]);

    private static List<string> Zdt1Params(int seed, NsgaIICrossover crossover)
    {
        ExperimentResult result = Zdt1(new NsgaIITuner(new NsgaIIOptions { PopulationSize = 10, Crossover = crossover }), seed).RunAsync().GetAwaiter().GetResult();
        return [.. result.RunResults.Take(60).Select(r => string.Join(",", r.Params.Values))];
    }
}
