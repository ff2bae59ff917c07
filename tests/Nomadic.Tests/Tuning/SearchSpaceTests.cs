using CsCheck;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class SearchSpaceTests
{
    [Fact]
    public void CollectionInitializer_Indexer_KeepsInsertionOrder()
    {
        var space = new SearchSpace
        {
            ["z"] = Tune.Choice(1, 2),
            ["a"] = Tune.Uniform(0, 1),
            ["m"] = Tune.RandInt(0, 3),
        };

        Assert.Equal(["z", "a", "m"], space.Names);
        Assert.Equal(["z", "a", "m"], space.Keys);
        Assert.Equal(["z", "a", "m"], space.Select(p => p.Key));
        Assert.Equal(["choice", "uniform", "randint"], space.Values.Select(d => d.Kind));
        Assert.Equal(3, space.Count);
    }

    [Fact]
    public void CollectionInitializer_AddForm_KeepsInsertionOrder()
    {
        var space = new SearchSpace
        {
            { "b", Tune.Choice("x") },
            { "a", Tune.Choice("y") },
        };

        Assert.Equal(["b", "a"], space.Names);
    }

    [Fact]
    public void Indexer_ReplacingDomain_KeepsPosition()
    {
        var space = new SearchSpace
        {
            ["a"] = Tune.Choice(1),
            ["b"] = Tune.Choice(2),
            ["c"] = Tune.Choice(3),
        };

        space["b"] = Tune.Uniform(0, 1);

        Assert.Equal(["a", "b", "c"], space.Names);
        Assert.IsType<FloatDomain>(space["b"]);
        Assert.Equal(3, space.Count);
    }

    [Fact]
    public void Indexer_InvalidDomain_ThrowsAndLeavesSpaceUnchanged()
    {
        var space = new SearchSpace { ["a"] = Tune.Choice(1) };

        Assert.Throws<SearchSpaceException>(() => space["a"] = Tune.Uniform(1, 0));
        Assert.Throws<SearchSpaceException>(() => space["b"] = Tune.Uniform(1, 0));

        Assert.Equal(["a"], space.Names);
        Assert.IsType<ChoiceDomain>(space["a"]);
    }

    [Fact]
    public void Indexer_UnknownName_ThrowsKeyNotFoundNamingIt()
    {
        var space = new SearchSpace();

        var error = Assert.Throws<KeyNotFoundException>(() => space["missing"]);

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NameDeclaredTwice_ThrowsNamingParameter()
    {
        var space = new SearchSpace { { "lr", Tune.Uniform(0, 1) } };

        var error = Assert.Throws<SearchSpaceException>(() => space.Add("lr", Tune.Uniform(0, 2)));

        Assert.Equal("lr", error.ParameterName);
        Assert.Equal("Parameter 'lr': is declared twice.", error.Message);
        Assert.Equal(1.0, ((FloatDomain)space["lr"]).High);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Add_EmptyName_ThrowsEmptyName(string name)
    {
        var space = new SearchSpace();

        var error = Assert.Throws<SearchSpaceException>(() => space.Add(name, Tune.Choice(1)));

        Assert.Contains("has an empty name", error.Message, StringComparison.Ordinal);
        Assert.Empty(space);
    }

    [Fact]
    public void Indexer_EmptyName_ThrowsEmptyName()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { [""] = Tune.Choice(1) });

        Assert.Contains("has an empty name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NullDomain_ThrowsNamingParameter()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace().Add("x", null!));

        Assert.Equal("Parameter 'x': has no domain.", error.Message);
    }

    [Fact]
    public void IsEnumerable_OnlyEnumerableDomains_ReturnsTrue()
    {
        var grid = new SearchSpace { ["a"] = Tune.Choice(1, 2), ["b"] = Tune.RandInt(0, 3), ["c"] = Tune.QUniform(0, 1, 0.5) };
        var mixed = new SearchSpace { ["a"] = Tune.Choice(1, 2), ["b"] = Tune.Uniform(0, 1) };

        Assert.True(grid.IsEnumerable);
        Assert.False(mixed.IsEnumerable);
    }

    [Fact]
    public void GridSize_EnumerableSpace_IsProductOfDomainSizes()
    {
        var space = new SearchSpace
        {
            ["a"] = Tune.Choice("x", "y"),
            ["b"] = Tune.RandInt(1, 4),
            ["c"] = Tune.QUniform(0, 1, 0.25),
            ["d"] = Tune.QRandInt(0, 10, 5),
        };

        Assert.Equal(2 * 3 * 5 * 3, space.GridSize);
    }

    [Fact]
    public void GridSize_ContinuousDomain_IsNull()
    {
        Assert.Null(new SearchSpace { ["a"] = Tune.Choice(1, 2), ["b"] = Tune.LogUniform(1, 2) }.GridSize);
    }

    [Fact]
    public void GridSize_EmptySpace_IsOne()
    {
        Assert.Equal(1, new SearchSpace().GridSize);
    }

    [Fact]
    public void GridSize_HugeProduct_SaturatesAtLongMaxValue()
    {
        var space = new SearchSpace
        {
            ["a"] = Tune.RandInt(int.MinValue, int.MaxValue),
            ["b"] = Tune.RandInt(int.MinValue, int.MaxValue),
            ["c"] = Tune.RandInt(int.MinValue, int.MaxValue),
        };

        Assert.Equal(long.MaxValue, space.GridSize);
    }

    [Fact]
    public void GridSize_RandomSmallSpaces_MatchesEnumeratedProduct()
    {
        DomainGenerators.SmallEnumerable.Array[1, 4].Sample(domains =>
        {
            var space = new SearchSpace();
            for (int i = 0; i < domains.Length; i++)
            {
                space.Add("p" + i, domains[i]);
            }

            Assert.Equal(domains.Aggregate(1L, (size, d) => size * d.Enumerate().Count), space.GridSize);
        });
    }

    [Fact]
    public void Contains_ConfigurationInsideEveryDomain_ReturnsTrue()
    {
        var space = new SearchSpace { ["opt"] = Tune.Choice("sgd", "adam"), ["lr"] = Tune.LogUniform(1e-4, 1), ["n"] = Tune.RandInt(1, 3) };

        Assert.True(space.Contains(new Dictionary<string, object?> { ["opt"] = "adam", ["lr"] = 0.01, ["n"] = 2, ["extra"] = "ignored" }));
        Assert.False(space.Contains(new Dictionary<string, object?> { ["opt"] = "adam", ["lr"] = 0.01, ["n"] = 3 }));
        Assert.False(space.Contains(new Dictionary<string, object?> { ["opt"] = "adagrad", ["lr"] = 0.01, ["n"] = 2 }));
        Assert.False(space.Contains(new Dictionary<string, object?> { ["opt"] = "adam", ["n"] = 2 }));
    }

    [Fact]
    public void Contains_SampledConfigurations_ReturnsTrue()
    {
        Gen.Select(DomainGenerators.Space, Gen.Int).Sample((space, seed) =>
        {
            var random = new Random(seed);
            var configuration = space.ToDictionary(p => p.Key, p => p.Value.Sample(random));

            Assert.True(space.Contains(configuration));
        });
    }

    [Fact]
    public void Contains_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new SearchSpace().Contains(null!));
    }

    [Fact]
    public void TryGetValue_KnownAndUnknownNames_ReportsPresence()
    {
        var space = new SearchSpace { ["a"] = Tune.Choice(1) };

        Assert.True(space.TryGetValue("a", out Domain? domain));
        Assert.IsType<ChoiceDomain>(domain);
        Assert.False(space.TryGetValue("b", out _));
        Assert.True(space.ContainsKey("a"));
        Assert.False(space.ContainsKey("A"));
    }

    [Fact]
    public void ToString_Space_ListsParametersInOrder()
    {
        var space = new SearchSpace { ["learning_rate"] = Tune.Choice(0.01, 0.02), ["batch_size"] = Tune.Choice(32, 64) };

        Assert.Equal("{'learning_rate': choice([0.01, 0.02]), 'batch_size': choice([32, 64])}", space.ToString());
    }
}
