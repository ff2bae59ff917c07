using CsCheck;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class ChoiceDomainTests
{
    [Fact]
    public void FromUnit_AnyUnit_ReturnsOneOfTheValuesWithItsType()
    {
        Gen.Select(DomainGenerators.Choice, DomainGenerators.Unit).Sample((domain, u) =>
        {
            object? value = domain.FromUnit(u);

            Assert.True(domain.Contains(value));
            Assert.Contains(domain.Values, v => Equals(v, value) && v?.GetType() == value?.GetType());
        });
    }

    [Fact]
    public void FromUnit_EqualSlices_MapToEachValueInOrder()
    {
        ChoiceDomain domain = Tune.Choice("a", "b", "c", "d");

        object?[] values = [domain.FromUnit(0.0), domain.FromUnit(0.3), domain.FromUnit(0.5), domain.FromUnit(0.99)];

        Assert.Equal(["a", "b", "c", "d"], values);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    public void FromUnit_OneOrAbove_ReturnsLastValue(double unit)
    {
        Assert.Equal("c", Tune.Choice("a", "b", "c").FromUnit(unit));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NegativeInfinity)]
    public void FromUnit_BelowZero_ReturnsFirstValue(double unit)
    {
        Assert.Equal("a", Tune.Choice("a", "b", "c").FromUnit(unit));
    }

    [Fact]
    public void Sample_ManyDraws_HitsEveryValueRoughlyEqually()
    {
        ChoiceDomain domain = Tune.Choice(1, 2, 3, 4);
        var random = new Random(7);

        var counts = Enumerable.Range(0, 8000).Select(_ => domain.Sample(random)).GroupBy(v => v).ToDictionary(g => g.Key!, g => g.Count());

        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 1800, 2200));
    }

    [Fact]
    public void Enumerate_Values_ReturnsThemInOrder()
    {
        Assert.Equal([3, 1, 2], Tune.Choice(3, 1, 2).Enumerate());
    }

    [Fact]
    public void Contains_SameNumberOfOtherType_ReturnsTrue()
    {
        ChoiceDomain domain = Tune.Choice(1, 2);

        Assert.True(domain.Contains(1.0));
        Assert.True(domain.Contains(2L));
    }

    [Fact]
    public void Contains_NumberAsString_ReturnsFalse()
    {
        Assert.False(Tune.Choice(1, 2).Contains("1"));
    }

    [Fact]
    public void Contains_BoolAgainstOne_ReturnsFalse()
    {
        Assert.False(Tune.Choice(1, 0).Contains(true));
    }

    [Fact]
    public void Contains_NullWhenListed_ReturnsTrue()
    {
        ChoiceDomain domain = Tune.Choice("a", null);

        Assert.True(domain.Contains(null));
        Assert.False(Tune.Choice("a").Contains(null));
    }

    [Fact]
    public void Contains_EnumValue_MatchesItsName()
    {
        Assert.True(Tune.Choice("Monday", "Friday").Contains(DayOfWeek.Friday));
    }

    [Fact]
    public void Add_EmptyChoice_ThrowsNamingParameterAndProblem()
    {
        var space = new SearchSpace();

        var error = Assert.Throws<SearchSpaceException>(() => space.Add("optimizer", Tune.Choice<string>()));

        Assert.Equal("optimizer", error.ParameterName);
        Assert.Contains("'optimizer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least one value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_EmptyGridSearch_ThrowsNamingGridSearch()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["g"] = Tune.GridSearch<int>() });

        Assert.Contains("grid_search needs at least one value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_DuplicateChoiceValue_ThrowsNamingTheValue()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["model"] = Tune.Choice("gpt", "claude", "gpt") });

        Assert.Equal("model", error.ParameterName);
        Assert.Contains("'gpt' twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_IntAndEqualDouble_ThrowsAsDuplicates()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["n"] = Tune.Choice(1, 1.0) });

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_DuplicateNull_ThrowsAsDuplicates()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["n"] = Tune.Choice(null, "a", null) });

        Assert.Contains("null twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_StringAndNumberThatLookAlike_AreDistinct()
    {
        var space = new SearchSpace { ["n"] = Tune.Choice("1", 1, true) };

        Assert.Equal(3, ((ChoiceDomain)space["n"]).Values.Count);
    }

    [Fact]
    public void Add_UnsupportedValueType_ThrowsNamingTheType()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["when"] = Tune.Choice(new DateTime(2024, 1, 1), new DateTime(2024, 1, 2)) });

        Assert.Contains("unsupported type DateTime", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_NonFiniteValue_ThrowsNotAFiniteNumber(double value)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["x"] = Tune.Choice(0.5, value) });

        Assert.Contains("not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_MixedValues_ListsThemLikeNomadic()
    {
        Assert.Equal("choice(['a', 1, 0.5, true, null])", Tune.Choice("a", 1, 0.5, true, null).ToString());
        Assert.Equal("grid_search([1, 2])", Tune.GridSearch(1, 2).ToString());
    }
}
