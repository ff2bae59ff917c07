using CsCheck;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class GridTunerTests
{
    private static readonly TunerContext Context = new([], []);

    [Fact]
    public void Suggest_ChoiceTimesRandInt_GivesExactlyFourCombinationsThenNull()
    {
        var space = new SearchSpace { ["model"] = Tune.Choice("a", "b"), ["k"] = Tune.RandInt(1, 3) };

        List<IReadOnlyDictionary<string, object?>> points = Drain(space);

        Assert.Equal(["a:1", "a:2", "b:1", "b:2"], points.Select(p => $"{p["model"]}:{p["k"]}"));
    }

    [Fact]
    public void Suggest_ThreeParameters_FirstVariesSlowestLastFastest()
    {
        var space = new SearchSpace
        {
            ["a"] = Tune.Choice(1, 2),
            ["b"] = Tune.GridSearch("x", "y", "z"),
            ["c"] = Tune.Choice(true, false),
        };

        List<IReadOnlyDictionary<string, object?>> points = Drain(space);

        Assert.Equal(12, points.Count);
        Assert.Equal(
            ["1x+", "1x-", "1y+", "1y-", "1z+", "1z-", "2x+", "2x-", "2y+", "2y-", "2z+", "2z-"],
            points.Select(p => $"{p["a"]}{p["b"]}{((bool)p["c"]! ? "+" : "-")}"));
    }

    [Fact]
    public void Suggest_AfterLastPoint_KeepsReturningNull()
    {
        var tuner = new GridTuner();
        tuner.Initialize(new TunerSetup(new SearchSpace { ["a"] = Tune.Choice(1) }, Direction.Maximize, 0));

        Assert.NotNull(tuner.Suggest(Context));
        Assert.Null(tuner.Suggest(Context));
        Assert.Null(tuner.Suggest(Context));
    }

    [Fact]
    public void Suggest_QUniform_EnumeratesItsMultiples()
    {
        var space = new SearchSpace { ["t"] = Tune.QUniform(0, 1, 0.25) };

        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], Drain(space).Select(p => p["t"]));
    }

    [Fact]
    public void Suggest_IntDomains_EnumerateEveryValue()
    {
        var space = new SearchSpace { ["n"] = Tune.QRandInt(0, 10, 5), ["w"] = Tune.LogRandInt(1, 4) };

        Assert.Equal(["0/1", "0/2", "0/3", "5/1", "5/2", "5/3", "10/1", "10/2", "10/3"], Drain(space).Select(p => $"{p["n"]}/{p["w"]}"));
    }

    [Fact]
    public void Suggest_ValueTypes_ArePreserved()
    {
        var space = new SearchSpace { ["v"] = Tune.Choice(1, 1.5, "s", false, null) };

        Assert.Equal([typeof(int), typeof(double), typeof(string), typeof(bool), null], Drain(space).Select(p => p["v"]?.GetType()));
    }

    [Fact]
    public void Suggest_RandomSmallSpaces_GivesEachPointOfTheProductOnce()
    {
        DomainGenerators.SmallEnumerable.Array[1, 4].Sample(domains =>
        {
            var space = new SearchSpace();
            for (int i = 0; i < domains.Length; i++)
            {
                space.Add("p" + i, domains[i]);
            }

            List<IReadOnlyDictionary<string, object?>> points = Drain(space);

            Assert.Equal(space.GridSize, points.Count);
            Assert.All(points, p => Assert.True(space.Contains(p)));
            Assert.All(points, p => Assert.Equal(space.Names, p.Keys));
            Assert.Equal(points.Count, points.Select(PointKey).Distinct().Count());
            Assert.Equal(domains[0].Enumerate().Select(ValueKey), points.Select(p => ValueKey(p["p0"])).Distinct());
        });
    }

    [Fact]
    public void Initialize_ContinuousDomain_ThrowsNamingParameter()
    {
        var space = new SearchSpace { ["model"] = Tune.Choice("a", "b"), ["temperature"] = Tune.Uniform(0, 1) };

        var error = Assert.Throws<SearchSpaceException>(() => new GridTuner().Initialize(new TunerSetup(space, Direction.Maximize, 0)));

        Assert.Equal("temperature", error.ParameterName);
        Assert.Contains("uniform is continuous", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loguniform")]
    [InlineData("qloguniform")]
    public void Initialize_LogFloatDomain_ThrowsNamingParameter(string kind)
    {
        Domain domain = kind == "loguniform" ? Tune.LogUniform(1e-4, 1) : Tune.QLogUniform(1, 100, 1);
        var space = new SearchSpace { ["lr"] = domain };

        var error = Assert.Throws<SearchSpaceException>(() => new GridTuner().Initialize(new TunerSetup(space, Direction.Minimize, 0)));

        Assert.Equal("lr", error.ParameterName);
        Assert.Contains(kind + " is continuous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_IntDomainTooLarge_ThrowsNamingParameterAndLimit()
    {
        var space = new SearchSpace { ["seed"] = Tune.RandInt(0, GridTuner.MaxValuesPerDomain + 1) };

        var error = Assert.Throws<SearchSpaceException>(() => new GridTuner().Initialize(new TunerSetup(space, Direction.Maximize, 0)));

        Assert.Equal("seed", error.ParameterName);
        Assert.Contains("too many", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_BeforeInitialize_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new GridTuner().Suggest(Context));
    }

    [Fact]
    public void Name_GridTuner_IsGrid()
    {
        Assert.Equal("grid", new GridTuner().Name);
    }

    [Fact]
    public void Observe_AnyRun_DoesNotChangeTheSequence()
    {
        var space = new SearchSpace { ["a"] = Tune.Choice(1, 2, 3) };
        var tuner = new GridTuner();
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));

        var first = tuner.Suggest(Context)!;
        tuner.Observe(new RunResult(1.0, first));
        var second = tuner.Suggest(Context)!;

        Assert.Equal(1, first["a"]);
        Assert.Equal(2, second["a"]);
    }

    private static List<IReadOnlyDictionary<string, object?>> Drain(SearchSpace space)
    {
        var tuner = new GridTuner();
        tuner.Initialize(new TunerSetup(space, Direction.Maximize, 0));
        var points = new List<IReadOnlyDictionary<string, object?>>();
        while (tuner.Suggest(Context) is { } point)
        {
            points.Add(point);
            Assert.True(points.Count <= 100_000, "the grid never ends");
        }

        return points;
    }

    private static string PointKey(IReadOnlyDictionary<string, object?> point) =>
        string.Join("|", point.Select(p => p.Key + "=" + ValueKey(p.Value)));

    private static string ValueKey(object? value) => value is null ? "null" : value.GetType().Name + ":" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
}
