using CsCheck;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class RandomTunerTests
{
    private static readonly TunerContext Context = new([], []);

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
        Assert.NotEqual(Texts(new RandomTuner(1), MixedSpace, 0, 10), Texts(new RandomTuner(2), MixedSpace, 0, 10));
    }

    [Fact]
    public void Suggest_NoSeedOfItsOwn_UsesTheExperimentSeed()
    {
        Assert.Equal(Texts(new RandomTuner(), MixedSpace, 9, 10), Texts(new RandomTuner(9), MixedSpace, 123, 10));
        Assert.NotEqual(Texts(new RandomTuner(), MixedSpace, 9, 10), Texts(new RandomTuner(), MixedSpace, 10, 10));
    }

    [Fact]
    public void Suggest_ManyDraws_NeverReturnsNull()
    {
        var tuner = new RandomTuner(1);
        tuner.Initialize(new TunerSetup(new SearchSpace { ["x"] = Tune.Choice(1) }, Direction.Maximize, 0));

        Assert.All(Enumerable.Range(0, 100), _ => Assert.NotNull(tuner.Suggest(Context)));
    }

    [Fact]
    public void Suggest_GridSearchParameter_CyclesThroughItsValuesInOrder()
    {
        var space = new SearchSpace { ["model"] = Tune.GridSearch("a", "b", "c"), ["t"] = Tune.Uniform(0, 1) };
        var tuner = new RandomTuner(7);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));

        var configurations = Enumerable.Range(0, 7).Select(_ => tuner.Suggest(Context)!).ToList();

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], configurations.Select(c => c["model"]));
        Assert.Equal(7, configurations.Select(c => c["t"]).Distinct().Count());
    }

    [Fact]
    public void Suggest_TwoGridSearchParameters_CycleThroughTheirProductFirstSlowest()
    {
        var space = new SearchSpace
        {
            ["a"] = Tune.GridSearch(1, 2),
            ["lr"] = Tune.LogUniform(1e-3, 1),
            ["b"] = Tune.GridSearch("x", "y"),
        };
        var tuner = new RandomTuner(3);
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));

        var pairs = Enumerable.Range(0, 8).Select(_ => tuner.Suggest(Context)!).Select(c => $"{c["a"]}{c["b"]}");

        Assert.Equal(["1x", "1y", "2x", "2y", "1x", "1y", "2x", "2y"], pairs);
    }

    [Fact]
    public void Suggest_GridSearchWithSameSeed_OtherParametersStillReproducible()
    {
        var space = new SearchSpace { ["g"] = Tune.GridSearch(1, 2, 3), ["x"] = Tune.Uniform(0, 1) };

        Assert.Equal(Texts(new RandomTuner(5), space, 0, 9), Texts(new RandomTuner(5), space, 0, 9));
    }

    [Fact]
    public void Suggest_Choice_DrawsEveryValueUniformly()
    {
        var tuner = new RandomTuner(8);
        tuner.Initialize(new TunerSetup(new SearchSpace { ["c"] = Tune.Choice("a", "b", "c") }, Direction.Maximize, 0));

        var counts = Enumerable.Range(0, 3000).Select(_ => (string)tuner.Suggest(Context)!["c"]!).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 900, 1100));
    }

    [Fact]
    public void Suggest_BeforeInitialize_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new RandomTuner(1).Suggest(Context));
    }

    [Fact]
    public void Name_RandomTuner_IsRandom()
    {
        Assert.Equal("random", new RandomTuner().Name);
    }

    private static List<string> Texts(RandomTuner tuner, SearchSpace space, int experimentSeed, int count)
    {
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, experimentSeed));
        return Enumerable.Range(0, count)
            .Select(_ => string.Join(";", tuner.Suggest(Context)!.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Text(p.Value)}")))
            .ToList();
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };
}
