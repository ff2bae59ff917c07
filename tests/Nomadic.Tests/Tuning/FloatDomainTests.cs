using CsCheck;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class FloatDomainTests
{
    [Fact]
    public void FromUnit_UniformAnyUnit_IsDoubleInsideBounds()
    {
        Gen.Select(DomainGenerators.Uniform, DomainGenerators.Unit).Sample((domain, u) => AssertInDomain(domain, u));
    }

    [Fact]
    public void FromUnit_QUniformAnyUnit_IsDoubleMultipleOfStepInsideBounds()
    {
        Gen.Select(DomainGenerators.QUniform, DomainGenerators.Unit).Sample((domain, u) => AssertInDomain(domain, u));
    }

    [Fact]
    public void FromUnit_QLogUniformAnyUnit_IsDoubleMultipleOfStepInsideBounds()
    {
        Gen.Select(DomainGenerators.QLogUniform, DomainGenerators.Unit).Sample((domain, u) => AssertInDomain(domain, u));
    }

    [Fact]
    public void FromUnit_LogUniformAnyUnit_IsDoubleInsideBounds()
    {
        Gen.Select(DomainGenerators.LogUniform, DomainGenerators.Unit).Sample((domain, u) => AssertInDomain(domain, u));
    }

    [Fact]
    public void FromUnit_LogUniformZero_ReturnsLowExactly()
    {
        FloatDomain domain = Tune.LogUniform(1e-5, 1);

        object? value = domain.FromUnit(0);

        Assert.Equal(1e-5, value);
        Assert.True(domain.Contains(value));
    }

    [Fact]
    public void FromUnit_AnyFloatDomain_IsMonotonicInUnit()
    {
        Gen<FloatDomain> domains = Gen.OneOf<FloatDomain>(DomainGenerators.Uniform, DomainGenerators.QUniform, DomainGenerators.LogUniform, DomainGenerators.QLogUniform);
        Gen.Select(domains, DomainGenerators.Unit, DomainGenerators.Unit).Sample((domain, a, b) =>
        {
            double low = (double)domain.FromUnit(Math.Min(a, b))!;
            double high = (double)domain.FromUnit(Math.Max(a, b))!;

            Assert.True(low <= high, $"{domain}: FromUnit({Math.Min(a, b)}) = {low} > FromUnit({Math.Max(a, b)}) = {high}");
        });
    }

    [Fact]
    public void FromUnit_UniformEnds_ReturnBounds()
    {
        FloatDomain domain = Tune.Uniform(-2, 3);

        Assert.Equal(-2.0, domain.FromUnit(0));
        Assert.Equal(0.5, domain.FromUnit(0.5));
        Assert.Equal(3.0, domain.FromUnit(1));
    }

    [Fact]
    public void FromUnit_OutsideUnitInterval_IsClamped()
    {
        FloatDomain domain = Tune.Uniform(0, 10);

        Assert.Equal(0.0, domain.FromUnit(-3));
        Assert.Equal(10.0, domain.FromUnit(7));
    }

    [Fact]
    public void FromUnit_WidestFiniteBounds_StaysInsideBounds()
    {
        FloatDomain domain = Tune.Uniform(-double.MaxValue, double.MaxValue);

        Assert.Equal(-double.MaxValue, domain.FromUnit(0));
        Assert.True(domain.Contains(domain.FromUnit(0.25)));
    }

    [Fact]
    public void Sample_LogUniform_IsSpreadEvenlyOverDecades()
    {
        FloatDomain domain = Tune.LogUniform(1e-4, 1);
        var random = new Random(11);

        double[] samples = Enumerable.Range(0, 10_001).Select(_ => (double)domain.Sample(random)!).Order().ToArray();

        Assert.InRange(samples[5000], 7e-3, 1.4e-2);
        Assert.InRange(samples.Count(s => s < 1e-3) / 10_001.0, 0.22, 0.28);
        Assert.All(samples, s => Assert.InRange(s, 1e-4 * (1 - 1e-12), 1.0));
    }

    [Fact]
    public void Sample_Uniform_MedianNearMiddle()
    {
        FloatDomain domain = Tune.Uniform(0, 100);
        var random = new Random(3);

        double[] samples = Enumerable.Range(0, 10_001).Select(_ => (double)domain.Sample(random)!).Order().ToArray();

        Assert.InRange(samples[5000], 47, 53);
    }

    [Fact]
    public void Enumerate_QUniformTenths_GivesExactDecimals()
    {
        IReadOnlyList<object?> values = Tune.QUniform(0, 1, 0.1).Enumerate();

        Assert.Equal([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], values);
        Assert.All(values, v => Assert.IsType<double>(v));
        Assert.DoesNotContain(0.30000000000000004, values);
    }

    [Fact]
    public void FromUnit_QUniformTenths_GivesExactDecimals()
    {
        FloatDomain domain = Tune.QUniform(0, 1, 0.1);
        double[] exact = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

        Gen.Double[0, 1].Sample(u => Assert.Contains((double)domain.FromUnit(u)!, exact));
    }

    [Fact]
    public void Enumerate_QUniformOffsetBounds_StartsAtFirstMultipleInside()
    {
        Assert.Equal([0.5, 1.0, 1.5, 2.0], Tune.QUniform(0.3, 2.2, 0.5).Enumerate());
    }

    [Fact]
    public void Enumerate_QUniformNegativeRange_IncludesBothEnds()
    {
        Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0], Tune.QUniform(-1, 1, 0.5).Enumerate());
    }

    [Fact]
    public void Enumerate_QUniformHighNotExactlyDivisible_IncludesHigh()
    {
        Assert.Equal([0.0, 0.1, 0.2, 0.3], Tune.QUniform(0, 0.3, 0.1).Enumerate());
        Assert.Equal([0.5, 0.6, 0.7], Tune.QUniform(0.5, 0.7, 0.1).Enumerate());
    }

    [Fact]
    public void FromUnit_QUniformAnyUnit_IsOneOfTheEnumeratedValues()
    {
        Gen<FloatDomain> domains =
            from q in Gen.OneOf(0.1, 0.05, 0.2, 0.5)
            from lowTenths in Gen.Int[-30, 30]
            from widthTenths in Gen.Int[1, 30]
            select Tune.QUniform(lowTenths / 10.0, (lowTenths + widthTenths) / 10.0, q);
        Gen.Select(domains, DomainGenerators.Unit).Sample((domain, u) =>
        {
            if (DomainGenerators.IsValid(domain))
            {
                Assert.Contains(domain.FromUnit(u), domain.Enumerate());
            }
        });
    }

    [Fact]
    public void Enumerate_QUniformEighths_GivesExactMultiples()
    {
        FloatDomain domain = Tune.QUniform(0, 1, 0.125);

        Assert.Equal([0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0], domain.Enumerate());
        Assert.True(domain.Contains(0.375));
    }

    [Fact]
    public void Enumerate_ContinuousDomain_ThrowsInvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => Tune.Uniform(0, 1).Enumerate());
        Assert.Throws<InvalidOperationException>(() => Tune.LogUniform(1, 10).Enumerate());
        Assert.Throws<InvalidOperationException>(() => Tune.QLogUniform(1, 10, 1).Enumerate());
    }

    [Fact]
    public void IsEnumerable_OnlyQUniform_ReturnsTrue()
    {
        Assert.True(Tune.QUniform(0, 1, 0.1).IsEnumerable);
        Assert.False(Tune.Uniform(0, 1).IsEnumerable);
        Assert.False(Tune.LogUniform(1, 10).IsEnumerable);
        Assert.False(Tune.QLogUniform(1, 10, 1).IsEnumerable);
    }

    [Fact]
    public void Contains_ValuesAroundBounds_OnlyInsideAreTrue()
    {
        FloatDomain domain = Tune.Uniform(0, 1);

        Assert.True(domain.Contains(0.0));
        Assert.True(domain.Contains(1.0));
        Assert.True(domain.Contains(1));
        Assert.False(domain.Contains(-1e-12));
        Assert.False(domain.Contains(1.0000001));
        Assert.False(domain.Contains("0.5"));
        Assert.False(domain.Contains(null));
        Assert.False(domain.Contains(true));
    }

    [Fact]
    public void Contains_NaN_ReturnsFalse()
    {
        Assert.False(Tune.Uniform(0, 1).Contains(double.NaN));
        Assert.False(Tune.LogUniform(1e-3, 1).Contains(double.NaN));
        Assert.False(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }.Contains(new Dictionary<string, object?> { ["x"] = double.NaN }));
    }

    [Fact]
    public void Contains_QUniform_OnlyMultiplesOfStep()
    {
        FloatDomain domain = Tune.QUniform(0, 1, 0.1);

        Assert.True(domain.Contains(0.3));
        Assert.True(domain.Contains(0.30000000000000004));
        Assert.False(domain.Contains(0.35));
    }

    [Theory]
    [InlineData(5.0, 1.0)]
    [InlineData(1.0, 1.0)]
    public void Add_UniformLowNotBelowHigh_ThrowsNamingParameterAndBounds(double low, double high)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["temperature"] = Tune.Uniform(low, high) });

        Assert.Equal("temperature", error.ParameterName);
        Assert.Contains("'temperature'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"uniform low ({low:R}) must be less than high ({high:R})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    public void Add_LogUniformNonPositiveLow_ThrowsBoundsMustBePositive(double low)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["lr"] = Tune.LogUniform(low, 1) });

        Assert.Equal("lr", error.ParameterName);
        Assert.Contains("loguniform bounds must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_QLogUniformNonPositiveLow_ThrowsBoundsMustBePositive()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["lr"] = Tune.QLogUniform(0, 1, 0.1) });

        Assert.Contains("qloguniform bounds must be positive", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.0, double.NaN)]
    [InlineData(double.NegativeInfinity, 1.0)]
    [InlineData(0.0, double.PositiveInfinity)]
    public void Add_NonFiniteBound_ThrowsBoundsMustBeFinite(double low, double high)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["x"] = Tune.Uniform(low, high) });

        Assert.Equal("x", error.ParameterName);
        Assert.Contains("bounds must be finite numbers", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_QUniformNonPositiveStep_ThrowsStepMustBePositive(double q)
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["x"] = Tune.QUniform(0, 1, q) });

        Assert.Equal("x", error.ParameterName);
        Assert.Contains("quniform step q must be a positive number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_QUniformWithoutMultipleInRange_ThrowsNoMultiple()
    {
        var error = Assert.Throws<SearchSpaceException>(() => new SearchSpace { ["x"] = Tune.QUniform(0.1, 0.4, 0.5) });

        Assert.Equal("x", error.ParameterName);
        Assert.Contains("quniform has no multiple of q (0.5) between 0.1 and 0.4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_QUniformWhoseOnlyMultipleIsHigh_IsAccepted()
    {
        var space = new SearchSpace { ["x"] = Tune.QUniform(0.25, 0.3, 0.1) };

        Assert.Equal([0.3], space["x"].Enumerate());
    }

    [Fact]
    public void ToString_Domains_ShowKindAndSettings()
    {
        Assert.Equal("uniform(0, 1.5)", Tune.Uniform(0, 1.5).ToString());
        Assert.Equal("quniform(0, 1, 0.1)", Tune.QUniform(0, 1, 0.1).ToString());
        Assert.Equal("loguniform(0.0001, 1)", Tune.LogUniform(1e-4, 1).ToString());
    }

    private static void AssertInDomain(FloatDomain domain, double u)
    {
        object? value = domain.FromUnit(u);

        double x = Assert.IsType<double>(value);
        Assert.True(domain.Contains(value), $"{domain} does not contain FromUnit({u:R}) = {x:R}");
        Assert.InRange(x, domain.Low, domain.High);
        if (domain.Step is double q)
        {
            double multiple = x / q;
            Assert.True(Math.Abs(multiple - Math.Round(multiple)) < 1e-6, $"{domain}: FromUnit({u:R}) = {x:R} is not a multiple of {q:R}");
            Assert.Equal(Math.Round(x, 3), x);
        }
    }
}
