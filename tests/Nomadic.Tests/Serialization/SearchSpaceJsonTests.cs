using System.Text.Json;
using CsCheck;
using Nomadic.Tests.Tuning;
using Nomadic.Tuning;

namespace Nomadic.Tests.Serialization;

/// <summary>The JSON form of <see cref="SearchSpace"/>: ToJson and FromJson.</summary>
public class SearchSpaceJsonTests
{
    private static readonly Gen<ChoiceDomain> DoubleChoices =
        Gen.OneOf<double>(Gen.Double[-1e9, 1e9], Gen.Double[-1e-9, 1e-9], Gen.Double[1e200, 1e300], Gen.Int[-1000, 1000].Select(i => (double)i))
            .Array[1, 6]
            .Select(values => Tune.Choice(values.Distinct().ToArray()));

    [Fact]
    public void FromJson_ToJsonOfAnySpace_WritesTheSameJson()
    {
        DomainGenerators.Space.Sample(space =>
        {
            string json = space.ToJson();

            Assert.Equal(json, SearchSpace.FromJson(json).ToJson());
        });
    }

    [Fact]
    public void FromJson_ToJsonOfAnySpace_GivesEqualDomainsWithTypesPreserved()
    {
        DomainGenerators.Space.Sample(space =>
        {
            SearchSpace back = SearchSpace.FromJson(space.ToJson());

            Assert.Equal(space.Names, back.Names);
            foreach (string name in space.Names)
            {
                AssertSameDomain(space[name], back[name]);
            }
        });
    }

    [Fact]
    public void FromJson_ChoicesOfAnyDoubles_KeepExactValuesAndDoubleType()
    {
        DoubleChoices.Sample(domain =>
        {
            var space = new SearchSpace { ["x"] = domain };

            AssertSameDomain(domain, SearchSpace.FromJson(space.ToJson())["x"]);
        });
    }

    [Fact]
    public void ToJson_SpaceWithoutDoubleLists_MatchesGolden()
    {
        var space = new SearchSpace
        {
            ["model"] = Tune.Choice("gpt-4o", "claude", null),
            ["grid"] = Tune.GridSearch(16, 32),
            ["temperature"] = Tune.Uniform(0, 1.5),
            ["top_p"] = Tune.QUniform(0.5, 1, 0.05),
            ["lr"] = Tune.LogUniform(1e-5, 0.1),
            ["alpha"] = Tune.QLogUniform(1, 1000, 10),
            ["k"] = Tune.RandInt(1, 10),
            ["chunk"] = Tune.QRandInt(128, 1024, 128),
            ["width"] = Tune.LogRandInt(8, 512),
            ["batch"] = Tune.QLogRandInt(8, 256, 8),
        };

        Assert.Equal(
            """
            {
              "model": {
                "type": "choice",
                "values": [
                  "gpt-4o",
                  "claude",
                  null
                ]
              },
              "grid": {
                "type": "grid_search",
                "values": [
                  16,
                  32
                ]
              },
              "temperature": {
                "type": "uniform",
                "low": 0.0,
                "high": 1.5
              },
              "top_p": {
                "type": "quniform",
                "low": 0.5,
                "high": 1.0,
                "q": 0.05
              },
              "lr": {
                "type": "loguniform",
                "low": 1E-05,
                "high": 0.1
              },
              "alpha": {
                "type": "qloguniform",
                "low": 1.0,
                "high": 1000.0,
                "q": 10.0
              },
              "k": {
                "type": "randint",
                "low": 1,
                "high": 10
              },
              "chunk": {
                "type": "qrandint",
                "low": 128,
                "high": 1024,
                "q": 128
              },
              "width": {
                "type": "lograndint",
                "low": 8,
                "high": 512
              },
              "batch": {
                "type": "qlograndint",
                "low": 8,
                "high": 256,
                "q": 8
              }
            }
            """,
            space.ToJson().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToJson_ChoiceOfDoubles_IsIndentedLikeOtherLists()
    {
        var space = new SearchSpace { ["learning_rate"] = Tune.Choice(0.01, 0.02), ["mixed"] = Tune.Choice(1, 2.0) };

        Assert.Equal(
            """
            {
              "learning_rate": {
                "type": "choice",
                "values": [
                  0.01,
                  0.02
                ]
              },
              "mixed": {
                "type": "choice",
                "values": [
                  1.0,
                  2.0
                ]
              }
            }
            """,
            space.ToJson().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToJson_MixedChoice_KeepsEachValueType()
    {
        var space = new SearchSpace { ["v"] = Tune.Choice(1, 2.0, true, "x", null, 5_000_000_000L) };

        ChoiceDomain back = Assert.IsType<ChoiceDomain>(SearchSpace.FromJson(space.ToJson())["v"]);

        Assert.Equal([typeof(int), typeof(double), typeof(bool), typeof(string), null, typeof(long)], back.Values.Select(v => v?.GetType()));
        Assert.Equal([1, 2.0, true, "x", null, 5_000_000_000L], back.Values);
    }

    [Fact]
    public void FromJson_BareArray_ReadsAsChoice()
    {
        SearchSpace space = SearchSpace.FromJson("""{"optimizer": ["sgd", "adam"], "layers": [1, 2, 3]}""");

        ChoiceDomain optimizer = Assert.IsType<ChoiceDomain>(space["optimizer"]);
        Assert.Equal("choice", optimizer.Kind);
        Assert.Equal(["sgd", "adam"], optimizer.Values);
        Assert.Equal([1, 2, 3], ((ChoiceDomain)space["layers"]).Values);
    }

    [Fact]
    public void FromJson_TypeInAnyCaseOrGridAlias_IsAccepted()
    {
        SearchSpace space = SearchSpace.FromJson("""
            {"a": {"type": "Uniform", "low": 0, "high": 1}, "b": {"type": "grid", "values": [1, 2]}}
            """);

        Assert.Equal("uniform", space["a"].Kind);
        Assert.True(space["b"].IsExhaustive);
    }

    [Fact]
    public void FromJson_IntegerBoundsForFloatDomain_AreReadAsDoubles()
    {
        FloatDomain domain = Assert.IsType<FloatDomain>(SearchSpace.FromJson("""{"t": {"type": "quniform", "low": 0, "high": 2, "q": 1}}""")["t"]);

        Assert.Equal((0.0, 2.0, (double?)1.0), (domain.Low, domain.High, domain.Step));
        Assert.Equal([0.0, 1.0, 2.0], domain.Enumerate());
    }

    [Fact]
    public void FromJson_KeepsParameterOrder()
    {
        SearchSpace space = SearchSpace.FromJson("""{"z": [1], "a": [2], "m": [3]}""");

        Assert.Equal(["z", "a", "m"], space.Names);
    }

    [Fact]
    public void FromJson_UnknownType_ThrowsNamingParameterAndType()
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson("""{"lr": {"type": "normal"}}"""));

        Assert.Equal("lr", error.ParameterName);
        Assert.Contains("unknown type \"normal\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("loguniform", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_UnknownTypeWithItsOwnFields_ReportsTheUnknownType()
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson("""{"lr": {"type": "normal", "mean": 0, "std": 1}}"""));

        Assert.Contains("unknown type \"normal\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"x": {"type": "uniform", "low": 0, "high": 1, "q": 0.1}}""", "uniform does not take \"q\"")]
    [InlineData("""{"x": {"type": "randint", "low": 0, "high": 3, "step": 1}}""", "randint does not take \"step\"")]
    [InlineData("""{"x": {"type": "choice", "values": [1], "weights": [1]}}""", "choice does not take \"weights\"")]
    public void FromJson_FieldTheDomainDoesNotTake_ThrowsNamingIt(string json, string problem)
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson(json));

        Assert.Equal("x", error.ParameterName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"x": {"low": 0, "high": 1}}""", "has no \"type\"")]
    [InlineData("""{"x": {"type": 5}}""", "has no \"type\"")]
    [InlineData("""{"x": {"type": "uniform", "high": 1}}""", "needs a number \"low\"")]
    [InlineData("""{"x": {"type": "uniform", "low": 0}}""", "needs a number \"high\"")]
    [InlineData("""{"x": {"type": "uniform", "low": "0", "high": 1}}""", "needs a number \"low\"")]
    [InlineData("""{"x": {"type": "quniform", "low": 0, "high": 1}}""", "needs a number \"q\"")]
    [InlineData("""{"x": {"type": "randint", "low": 0}}""", "needs an integer \"high\"")]
    [InlineData("""{"x": {"type": "randint", "low": 0.5, "high": 3}}""", "needs an integer \"low\"")]
    [InlineData("""{"x": {"type": "randint", "low": 0, "high": 3000000000}}""", "needs an integer \"high\"")]
    [InlineData("""{"x": {"type": "qrandint", "low": 0, "high": 3}}""", "needs an integer \"q\"")]
    [InlineData("""{"x": {"type": "choice"}}""", "needs \"values\": a list")]
    [InlineData("""{"x": {"type": "grid_search", "values": "a"}}""", "needs \"values\": a list")]
    [InlineData("""{"x": 5}""", "must be an object")]
    [InlineData("""{"x": "uniform"}""", "must be an object")]
    public void FromJson_MissingOrWrongField_ThrowsNamingParameterAndField(string json, string problem)
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson(json));

        Assert.Equal("x", error.ParameterName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"x": {"type": "uniform", "low": 2, "high": 1}}""", "must be less than high")]
    [InlineData("""{"x": {"type": "loguniform", "low": 0, "high": 1}}""", "bounds must be positive")]
    [InlineData("""{"x": {"type": "choice", "values": []}}""", "at least one value")]
    [InlineData("""{"x": ["a", "a"]}""", "twice")]
    [InlineData("""{"x": [[1, 2], [3]]}""", "unsupported type")]
    [InlineData("""{"x": {"type": "qrandint", "low": 0, "high": 3, "q": 0}}""", "step q must be a positive integer")]
    public void FromJson_InvalidDomain_ThrowsNamingParameterAndProblem(string json, string problem)
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson(json));

        Assert.Equal("x", error.ParameterName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_ParameterTwice_ThrowsDeclaredTwice()
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson("""{"x": [1], "x": [2]}"""));

        Assert.Contains("declared twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"space\"")]
    [InlineData("null")]
    public void FromJson_RootNotAnObject_ThrowsSearchSpaceException(string json)
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.FromJson(json));

        Assert.Contains("must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_InvalidJson_ThrowsJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => SearchSpace.FromJson("{\"x\": [1,"));
    }

    [Fact]
    public void FromJson_EmptyObject_IsEmptySpace()
    {
        Assert.Empty(SearchSpace.FromJson("{}"));
        Assert.Equal("{}", new SearchSpace().ToJson());
    }

    private static void AssertSameDomain(Domain expected, Domain actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.IsExhaustive, actual.IsExhaustive);
        switch (expected)
        {
            case FloatDomain f:
                var g = (FloatDomain)actual;
                Assert.Equal((f.Low, f.High, f.IsLog, f.Step), (g.Low, g.High, g.IsLog, g.Step));
                break;
            case IntDomain i:
                var j = (IntDomain)actual;
                Assert.Equal((i.Low, i.High, i.IsLog, i.Step), (j.Low, j.High, j.IsLog, j.Step));
                break;
            case ChoiceDomain c:
                IReadOnlyList<object?> values = ((ChoiceDomain)actual).Values;
                Assert.Equal(c.Values, values);
                Assert.Equal(c.Values.Select(v => v?.GetType()), values.Select(v => v?.GetType()));
                break;
        }
    }
}
