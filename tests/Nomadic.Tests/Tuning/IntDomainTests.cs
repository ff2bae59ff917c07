using CsCheck;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class IntDomainTests
{
    [Fact]
    public void FromUnit_RandIntAnyUnit_IsIntInsideHalfOpenRange()
    {
        Gen.Select(DomainGenerators.RandInt, DomainGenerators.Unit).Sample((domain, u) =>
        {
            int x = AssertInDomain(domain, u);
            Assert.InRange(x, domain.Low, domain.High - 1);
        });
    }

    [Fact]
    public void FromUnit_LogRandIntAnyUnit_IsIntInsideHalfOpenRange()
    {
        Gen.Select(DomainGenerators.LogRandInt, DomainGenerators.Unit).Sample((domain, u) =>
        {
            int x = AssertInDomain(domain, u);
            Assert.InRange(x, domain.Low, domain.High - 1);
        });
    }

    [Fact]
    public void FromUnit_QRandIntAnyUnit_IsIntMultipleOfStepInsideClosedRange()
    {
        Gen.Select(DomainGenerators.QRandInt, DomainGenerators.Unit).Sample((domain, u) =>
        {
            int x = AssertInDomain(domain, u);
            Assert.InRange(x, domain.Low, domain.High);
            Assert.Equal(0, x % domain.Step!.Value);
        });
    }

    [Fact]
    public void FromUnit_QLogRandIntAnyUnit_IsIntMultipleOfStepInsideClosedRange()
    {
        Gen.Select(DomainGenerators.QLogRandInt, DomainGenerators.Unit).Sample((domain, u) =>
        {
            int x = AssertInDomain(domain, u);
            Assert.InRange(x, domain.Low, domain.High);
            Assert.Equal(0, x % domain.Step!.Value);
        });
    }

    [Fact]
    public void FromUnit_AnyIntDomain_IsMonotonicInUnit()
    {
        Gen<IntDomain> domains = Gen.OneOf<IntDomain>(DomainGenerators.RandInt, DomainGenerators.QRandInt, DomainGenerators.LogRandInt, DomainGenerators.QLogRandInt);
        Gen.Select(domains, DomainGenerators.Unit, DomainGenerators.Unit).Sample((domain, a, b) =>
            Assert.True((int)domain.FromUnit(Math.Min(a, b))! <= (int)domain.FromUnit(Math.Max(a, b))!, domain.ToString()));
    }

    [Fact]
    public void Enumerate_AnyIntDomain_ListsMinToMaxAndCountValues()
    {
        Gen<IntDomain> domains = Gen.OneOf<IntDomain>(DomainGenerators.RandInt, DomainGenerators.QRandInt, DomainGenerators.QLogRandInt);
        domains.Sample(domain =>
        {
            IReadOnlyList<object?> values = domain.Enumerate();

            Assert.Equal(domain.Count, values.Count);
            Assert.Equal(domain.MinValue, values[0]);
            Assert.Equal(domain.MaxValue, values[^1]);
            Assert.All(values, v => Assert.True(domain.Contains(v)));
            Assert.Equal(values.Order(), values);
        });
    }

    [Fact]
    public void RandInt_OneToThree_ProducesOnlyOneAndTwo()
    {
        IntDomain domain = Tune.RandInt(1, 3);
        var random = new Random(5);

        var seen = Enumerable.Range(0, 1000).Select(_ => (int)domain.Sample(random)!).ToHashSet();

        Assert.Equal([1, 2], seen.Order());
        Assert.Equal([1, 2], domain.Enumerate());
        Assert.Equal(2, domain.FromUnit(1.0));
        Assert.False(domain.Contains(3));
        Assert.Equal(2, domain.Count);
    }

    [Fact]
    public void LogRandInt_UpperBound_IsExcluded()
    {
        IntDomain domain = Tune.LogRandInt(1, 10);

        Assert.Equal(9, domain.FromUnit(1.0));
        Assert.Equal(9, domain.MaxValue);
        Assert.False(domain.Contains(10));
        Assert.Equal(Enumerable.Range(1, 9).Cast<object?>(), domain.Enumerate());
    }

    [Fact]
    public void QRandInt_UpperBound_IsIncluded()
    {
        IntDomain domain = Tune.QRandInt(0, 10, 5);

        Assert.Equal([0, 5, 10], domain.Enumerate());
        Assert.Equal(10, domain.FromUnit(1.0));
        Assert.True(domain.Contains(10));
    }

    [Fact]
    public void QLogRandInt_UpperBound_IsIncluded()
    {
        IntDomain domain = Tune.QLogRandInt(1, 100, 10);

        Assert.Equal(100, domain.FromUnit(1.0));
        Assert.Equal(10, domain.FromUnit(0.0));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (object?)(i * 10)), domain.Enumerate());
    }

    [Fact]
    public void QRandInt_BoundsNotMultiples_SnapInside()
    {
        IntDomain domain = Tune.QRandInt(1, 10, 3);

        Assert.Equal((3, 9, 3L), (domain.MinValue, domain.MaxValue, domain.Count));
        Assert.Equal([3, 6, 9], domain.Enumerate());
    }

    [Fact]
    public void QRandInt_NegativeRange_SnapsInside()
    {
        Assert.Equal([-9, -6, -3], Tune.QRandInt(-10, -1, 3).Enumerate());
    }

    [Fact]
    public void QRandInt_LowEqualsHigh_HasOneValue()
    {
        var space = new SearchSpace { ["n"] = Tune.QRandInt(4, 4, 2) };

        Assert.Equal([4], space["n"].Enumerate());
    }

    [Fact]
    public void Sample_LogRandInt_FavoursSmallValues()
    {
        IntDomain domain = Tune.LogRandInt(1, 1000);
        var random = new Random(2);

        int[] samples = Enumerable.Range(0, 10_001).Select(_ => (int)domain.Sample(random)!).Order().ToArray();

        Assert.InRange(samples[5000], 25, 40);
    }

    [Fact]
    public void Count_WidestRange_DoesNotOverflow()
    {
        Assert.Equal((long)int.MaxValue - int.MinValue, Tune.RandInt(int.MinValue, int.MaxValue).Count);
        Assert.Equal(int.MaxValue - 1, Tune.RandInt(int.MinValue, int.MaxValue).FromUnit(1.0));
        Assert.Equal(int.MinValue, Tune.RandInt(int.MinValue, int.MaxValue).FromUnit(0.0));
    }

    [Fact]
    public void Contains_NonIntegersAndOtherTypes_ReturnsFalse()
    {
        IntDomain domain = Tune.RandInt(0, 10);

        Assert.True(domain.Contains(3));
        Assert.True(domain.Contains(3.0));
        Assert.True(domain.Contains(3L));
        Assert.False(domain.Contains(3.5));
        Assert.False(domain.Contains("3"));
        Assert.False(domain.Contains(null));
        Assert.False(domain.Contains(-1));
        Assert.False(domain.Contains(10));
        Assert.False(domain.Contains(double.NaN));
        Assert.False(domain.Contains(double.PositiveInfinity));
    }

    [Fact]
    public void Contains_QRandIntNonMultiple_ReturnsFalse()
    {
        IntDomain domain = Tune.QRandInt(0, 20, 4);

        Assert.True(domain.Contains(8));
        Assert.False(domain.Contains(6));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 2)]
    public void Add_RandIntLowNotBelowHigh_ThrowsNamingParameterAndExclusiveHigh(int low, int high)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["depth"] = Tune.RandInt(low, high) });

        Assert.Equal("depth", error.ParameterName);
        Assert.Contains($"randint low ({low}) must be less than high ({high}); high is exclusive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_QRandIntLowAboveHigh_ThrowsMustNotExceed()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["n"] = Tune.QRandInt(10, 2, 2) });

        Assert.Contains("qrandint low (10) must not exceed high (2)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Add_LogRandIntNonPositiveLow_ThrowsBoundsMustBePositive(int low)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["width"] = Tune.LogRandInt(low, 100) });

        Assert.Equal("width", error.ParameterName);
        Assert.Contains("lograndint bounds must be positive", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Add_QRandIntNonPositiveStep_ThrowsStepMustBePositive(int q)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["n"] = Tune.QRandInt(0, 10, q) });

        Assert.Equal("n", error.ParameterName);
        Assert.Contains($"qrandint step q must be a positive integer, got {q}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_QRandIntWithoutMultipleInRange_ThrowsNoMultiple()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["n"] = Tune.QRandInt(1, 4, 5) });

        Assert.Contains("qrandint has no multiple of q (5) between 1 and 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Domains_ShowKindAndSettings()
    {
        Assert.Equal("randint(1, 3)", Tune.RandInt(1, 3).ToString());
        Assert.Equal("qlograndint(1, 100, 10)", Tune.QLogRandInt(1, 100, 10).ToString());
    }

    private static int AssertInDomain(IntDomain domain, double u)
    {
        object? value = domain.FromUnit(u);

        int x = Assert.IsType<int>(value);
        Assert.True(domain.Contains(value), $"{domain} does not contain FromUnit({u:R}) = {x}");
        Assert.InRange(x, domain.MinValue, domain.MaxValue);
        return x;
    }
}
