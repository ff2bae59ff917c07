using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class TuneTests
{
    public static TheoryData<Domain, string> DomainsAndKinds() => new()
    {
        { Tune.Choice(1, 2), "choice" },
        { Tune.GridSearch(1, 2), "grid_search" },
        { Tune.Uniform(0, 1), "uniform" },
        { Tune.QUniform(0, 1, 0.1), "quniform" },
        { Tune.LogUniform(1e-4, 1), "loguniform" },
        { Tune.QLogUniform(1, 100, 1), "qloguniform" },
        { Tune.RandInt(0, 10), "randint" },
        { Tune.QRandInt(0, 10, 2), "qrandint" },
        { Tune.LogRandInt(1, 100), "lograndint" },
        { Tune.QLogRandInt(1, 100, 5), "qlograndint" },
    };

    [Theory]
    [MemberData(nameof(DomainsAndKinds))]
    public void Factory_AnyDomain_HasTheFactoryNameAsKind(Domain domain, string kind)
    {
        Assert.Equal(kind, domain.Kind);
    }

    [Fact]
    public void Choice_Ints_KeepsOrderAndIntType()
    {
        ChoiceDomain domain = Tune.Choice(64, 16, 32);

        Assert.Equal([64, 16, 32], domain.Values);
        Assert.All(domain.Values, v => Assert.IsType<int>(v));
    }

    [Fact]
    public void Choice_IntArray_UsesGenericOverloadAndItsElements()
    {
        int[] sizes = [8, 16, 32];

        ChoiceDomain domain = Tune.Choice(sizes);

        Assert.Equal([8, 16, 32], domain.Values);
        Assert.All(domain.Values, v => Assert.IsType<int>(v));
    }

    [Fact]
    public void Choice_EnumerableOfInts_UsesItsElements()
    {
        ChoiceDomain domain = Tune.Choice(Enumerable.Range(1, 3));

        Assert.Equal([1, 2, 3], domain.Values);
    }

    [Fact]
    public void Choice_List_UsesItsElements()
    {
        var models = new List<string> { "gpt-4o", "gpt-4o-mini" };

        ChoiceDomain domain = Tune.Choice(models);

        Assert.Equal(["gpt-4o", "gpt-4o-mini"], domain.Values);
    }

    [Fact]
    public void GridSearch_List_UsesItsElements()
    {
        var sizes = new List<int> { 1, 2, 3 };

        ChoiceDomain domain = Tune.GridSearch(sizes);

        Assert.Equal([1, 2, 3], domain.Values);
    }

    [Fact]
    public void Choice_Strings_KeepsOrderAndStringType()
    {
        ChoiceDomain domain = Tune.Choice("sgd", "adam", "rmsprop");

        Assert.Equal(["sgd", "adam", "rmsprop"], domain.Values);
    }

    [Fact]
    public void Choice_Doubles_KeepsDoubleTypeEvenForWholeNumbers()
    {
        ChoiceDomain domain = Tune.Choice(1.0, 0.5);

        Assert.IsType<double>(domain.Values[0]);
        Assert.Equal([1.0, 0.5], domain.Values);
    }

    [Fact]
    public void Choice_Bools_KeepsBoolType()
    {
        ChoiceDomain domain = Tune.Choice(true, false);

        Assert.Equal([true, false], domain.Values);
    }

    [Fact]
    public void Choice_MixedTypesWithNull_KeepsEachValueAndType()
    {
        ChoiceDomain domain = Tune.Choice("auto", 3, 0.5, true, null);

        Assert.Equal(5, domain.Values.Count);
        Assert.IsType<string>(domain.Values[0]);
        Assert.IsType<int>(domain.Values[1]);
        Assert.IsType<double>(domain.Values[2]);
        Assert.IsType<bool>(domain.Values[3]);
        Assert.Null(domain.Values[4]);
    }

    [Fact]
    public void Choice_Floats_AreNormalizedToDouble()
    {
        ChoiceDomain domain = Tune.Choice(0.5f, 0.25f);

        Assert.Equal([0.5, 0.25], domain.Values);
        Assert.All(domain.Values, v => Assert.IsType<double>(v));
    }

    [Fact]
    public void Choice_Enum_IsNormalizedToNames()
    {
        ChoiceDomain domain = Tune.Choice(DayOfWeek.Monday, DayOfWeek.Friday);

        Assert.Equal(["Monday", "Friday"], domain.Values);
    }

    [Fact]
    public void Choice_SourceArrayChangedAfterwards_DomainUnchanged()
    {
        int[] values = [1, 2];
        ChoiceDomain domain = Tune.Choice(values);

        values[0] = 99;

        Assert.Equal([1, 2], domain.Values);
    }

    [Fact]
    public void Choice_NullArray_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Tune.Choice((IEnumerable<int>)null!));
    }

    [Fact]
    public void GridSearch_Values_IsExhaustiveAndEnumerable()
    {
        ChoiceDomain domain = Tune.GridSearch("a", "b");

        Assert.True(domain.IsExhaustive);
        Assert.True(domain.IsEnumerable);
        Assert.Equal(["a", "b"], domain.Enumerate());
    }

    [Fact]
    public void Choice_Values_IsNotExhaustive()
    {
        Assert.False(Tune.Choice("a", "b").IsExhaustive);
    }

    [Theory]
    [MemberData(nameof(DomainsAndKinds))]
    public void Factory_AnyDomainButGridSearch_IsNotExhaustive(Domain domain, string kind)
    {
        Assert.Equal(kind == "grid_search", domain.IsExhaustive);
    }

    [Fact]
    public void Uniform_Bounds_AreKeptContinuousLinear()
    {
        FloatDomain domain = Tune.Uniform(-1, 2);

        Assert.Equal((-1.0, 2.0, false, (double?)null), (domain.Low, domain.High, domain.IsLog, domain.Step));
        Assert.False(domain.IsEnumerable);
    }

    [Fact]
    public void QLogUniform_Settings_AreKeptAndNotEnumerable()
    {
        FloatDomain domain = Tune.QLogUniform(1, 100, 5);

        Assert.Equal((1.0, 100.0, true, (double?)5.0), (domain.Low, domain.High, domain.IsLog, domain.Step));
        Assert.False(domain.IsEnumerable);
    }

    [Fact]
    public void QLogRandInt_Settings_AreKept()
    {
        IntDomain domain = Tune.QLogRandInt(2, 64, 2);

        Assert.Equal((2, 64, true, (int?)2), (domain.Low, domain.High, domain.IsLog, domain.Step));
        Assert.True(domain.IsEnumerable);
    }
}
