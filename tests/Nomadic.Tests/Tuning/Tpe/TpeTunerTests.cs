using CsCheck;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Tpe;

public class TpeTunerTests
{
    private static readonly SearchSpace MixedSpace = new()
    {
        ["lr"] = Tune.LogUniform(1e-5, 1e-1),
        ["opt"] = Tune.Choice("sgd", "adam", "rmsprop"),
        ["layers"] = Tune.RandInt(1, 8),
        ["dropout"] = Tune.QUniform(0, 0.5, 0.05),
        ["width"] = Tune.QLogRandInt(8, 512, 8),
    };

    private static readonly Gen<(SearchSpace Space, int Seed, int Runs, TpeOptions Options)> Scenario =
        Gen.Select(DomainGenerators.Space, Gen.Int, Gen.Int[0, 40], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool)
            .Select(s => (s.Item1, s.Item2, s.Item3, new TpeOptions
            {
                StartupTrials = 3,
                Seed = s.Item2,
                Multivariate = s.Item4,
                ConsiderPrior = s.Item5,
                ConsiderEndpoints = s.Item6,
                ConsiderMagicClip = s.Item7,
            }));

    [Fact]
    public void Suggest_AnySpaceHistoryAndOptions_GivesAValueOfTheDomainsTypeInsideEveryDomain()
    {
        Scenario.Sample(scenario =>
        {
            (SearchSpace space, int seed, int runs, TpeOptions options) = scenario;
            var tuner = new TpeTuner(options);
            tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));
            List<IReadOnlyDictionary<string, object?>> running = Observe(tuner, space, seed, runs);

            for (int i = 0; i < 5; i++)
            {
                IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(TpeFixtures.Context(null, [.. running]))!;

                Assert.Equal(space.Names.Order(), configuration.Keys.Order());
                Assert.True(space.Contains(configuration), $"{space} does not contain {string.Join(", ", configuration)}");
                Assert.All(space, p => AssertValueType(p.Value, configuration[p.Key]));
            }
        }, iter: 150);
    }

    [Fact]
    public void Suggest_SameSeedAnySpaceHistoryAndOptions_GivesSameSuggestions()
    {
        Scenario.Sample(scenario =>
        {
            (SearchSpace space, _, int runs, TpeOptions options) = scenario;

            Assert.Equal(Texts(new TpeTuner(options), space, runs), Texts(new TpeTuner(options), space, runs));
        }, iter: 50);
    }

    [Fact]
    public void Suggest_DifferentSeeds_GiveDifferentSuggestions()
    {
        Assert.NotEqual(Texts(new TpeTuner(new TpeOptions { Seed = 1 }), MixedSpace, 20), Texts(new TpeTuner(new TpeOptions { Seed = 2 }), MixedSpace, 20));
    }

    [Fact]
    public void Suggest_NoSeedOfItsOwn_UsesTheExperimentSeed()
    {
        Assert.Equal(Texts(new TpeTuner(), MixedSpace, 20, experimentSeed: 9), Texts(new TpeTuner(new TpeOptions { Seed = 9 }), MixedSpace, 20, experimentSeed: 123));
    }

    [Fact]
    public void Suggest_OnlyFailedRuns_DrawsAtRandomAsWithNoRuns()
    {
        var noRuns = new TpeTuner(new TpeOptions { Seed = 4 });
        var failedRuns = new TpeTuner(new TpeOptions { Seed = 4 });
        noRuns.Initialize(new TunerSetup(MixedSpace, Direction.Minimize, 0));
        failedRuns.Initialize(new TunerSetup(MixedSpace, Direction.Minimize, 0));
        var random = new System.Random(1);
        for (int i = 0; i < 30; i++)
        {
            failedRuns.Observe(RunResult.Failed(MixedSpace.ToDictionary(p => p.Key, p => p.Value.Sample(random)), "boom"));
        }

        Assert.Equal(Text(noRuns.Suggest(TpeFixtures.Context())!), Text(failedRuns.Suggest(TpeFixtures.Context())!));
    }

    [Fact]
    public void Suggest_GridSearchParameter_CyclesThroughItsValuesWhileModellingTheRest()
    {
        var space = new SearchSpace { ["model"] = Tune.GridSearch("a", "b", "c"), ["x"] = Tune.Uniform(0, 1) };
        var tuner = new TpeTuner(new TpeOptions { StartupTrials = 3, Seed = 2 });
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, 0));

        var models = new List<object?>();
        for (int i = 0; i < 12; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(TpeFixtures.Context())!;
            models.Add(configuration["model"]);
            tuner.Observe(new RunResult((double)configuration["x"]!, configuration));
        }

        Assert.Equal(Enumerable.Repeat<object?[]>(["a", "b", "c"], 4).SelectMany(m => m), models);
    }

    [Fact]
    public void Suggest_SingleValuedDomains_AlwaysGiveTheirValue()
    {
        var space = new SearchSpace { ["c"] = Tune.Choice("only"), ["k"] = Tune.QRandInt(3, 5, 4), ["x"] = Tune.Uniform(0, 1) };

        List<string> texts = Texts(new TpeTuner(new TpeOptions { StartupTrials = 2, Seed = 1 }), space, 10);

        Assert.All(texts, t => Assert.Contains("c=String:only;k=Int32:4;", t));
    }

    [Fact]
    public void Suggest_RunningConfigurationMissingAParameter_IsIgnored()
    {
        var tuner = new TpeTuner(new TpeOptions { StartupTrials = 0, Seed = 1 });
        tuner.Initialize(new TunerSetup(MixedSpace, Direction.Minimize, 0));

        IReadOnlyDictionary<string, object?>? configuration = tuner.Suggest(TpeFixtures.Context(null, TpeFixtures.Point(("lr", 0.01))));

        Assert.True(MixedSpace.Contains(configuration!));
    }

    [Fact]
    public void Suggest_BeforeInitialize_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new TpeTuner().Suggest(TpeFixtures.Context()));
        Assert.Throws<InvalidOperationException>(() => new TpeTuner().Observe(TpeFixtures.Run(1, ("x", 1.0))));
    }

    [Fact]
    public void Name_TpeTuner_IsTpe()
    {
        Assert.Equal("tpe", new TpeTuner().Name);
    }

    // Observes random runs of every status (scores of either sign, some failed, some pruned) and returns a few more
    // random configurations to pass as running.
    private static List<IReadOnlyDictionary<string, object?>> Observe(TpeTuner tuner, SearchSpace space, int seed, int runs)
    {
        var random = new System.Random(seed);
        for (int i = 0; i < runs; i++)
        {
            Dictionary<string, object?> parameters = space.ToDictionary(p => p.Key, p => p.Value.Sample(random));
            double score = (random.NextDouble() - 0.5) * 100;
            tuner.Observe(random.Next(6) switch
            {
                0 => RunResult.Failed(parameters, "boom"),
                1 => new RunResult(random.Next(2) == 0 ? double.NaN : score, parameters) { Status = RunStatus.Pruned },
                _ => new RunResult(score, parameters),
            });
        }

        return Enumerable.Range(0, random.Next(4)).Select(_ => (IReadOnlyDictionary<string, object?>)space.ToDictionary(p => p.Key, p => p.Value.Sample(random))).ToList();
    }

    private static void AssertValueType(Domain domain, object? value)
    {
        switch (domain)
        {
            case FloatDomain:
                Assert.IsType<double>(value);
                break;
            case IntDomain:
                Assert.IsType<int>(value);
                break;
            case ChoiceDomain choice:
                Assert.Contains(choice.Values, v => Equals(v, value) && v?.GetType() == value?.GetType());
                break;
        }
    }

    private static List<string> Texts(TpeTuner tuner, SearchSpace space, int count, int experimentSeed = 0)
    {
        tuner.Initialize(new TunerSetup(space, Direction.Minimize, experimentSeed));
        var texts = new List<string>();
        for (int i = 0; i < count; i++)
        {
            IReadOnlyDictionary<string, object?> configuration = tuner.Suggest(TpeFixtures.Context())!;
            texts.Add(Text(configuration));
            tuner.Observe(new RunResult(texts[^1].Length % 7, configuration));
        }

        return texts;
    }

    private static string Text(IReadOnlyDictionary<string, object?> configuration) =>
        string.Join(";", configuration.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Text(p.Value)}"));

    private static string Text(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };
}
