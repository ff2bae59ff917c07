using CsCheck;
using Nomadic.Tuning;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class NumericScaleTests
{
    [Fact]
    public void ToModel_Uniform_MapsTheRangeOntoTheUnitInterval()
    {
        var scale = NumericScale.ForFloat(Tune.Uniform(-5, 10));

        TpeFixtures.AssertClose([0.0, 1.0 / 3, 1.0], new object[] { -5.0, 0, 10.0 }.Select(scale.ToModel), 1e-12);
    }

    [Fact]
    public void ToModel_RandInt_CoversEachValueWithACellOfOneStep()
    {
        // RandInt(0, 4) holds 0..3: the model range is [-0.5, 3.5], so 0 sits in the middle of the first quarter.
        var scale = NumericScale.ForInt(Tune.RandInt(0, 4));

        scale.Cell(scale.ToModel(0), out double lower, out double upper);

        Assert.Equal(0.125, scale.ToModel(0), 12);
        Assert.Equal(0.0, lower, 12);
        Assert.Equal(0.25, upper, 12);
    }

    [Fact]
    public void ToModel_LogUniform_IsLinearInTheLogarithm()
    {
        var scale = NumericScale.ForFloat(Tune.LogUniform(1e-4, 1));

        Assert.Equal(0.5, scale.ToModel(1e-2), 12);
    }

    [Fact]
    public void ToModel_NotANumberOrOutOfRange_IsNaNOrClamped()
    {
        var scale = NumericScale.ForFloat(Tune.Uniform(0, 1));

        Assert.True(double.IsNaN(scale.ToModel("x")));
        Assert.True(double.IsNaN(scale.ToModel(null)));
        Assert.Equal(1.0, scale.ToModel(7.5));
    }

    [Fact]
    public void Snap_AnyNumericDomainAndCoordinate_GivesAValueOfTheDomainAtItsOwnCoordinate()
    {
        Gen.OneOf<Domain>(
            DomainGenerators.Uniform.Select(d => (Domain)d),
            DomainGenerators.QUniform.Select(d => (Domain)d),
            DomainGenerators.LogUniform.Select(d => (Domain)d),
            DomainGenerators.QLogUniform.Select(d => (Domain)d),
            DomainGenerators.RandInt.Select(d => (Domain)d),
            DomainGenerators.QRandInt.Select(d => (Domain)d),
            DomainGenerators.LogRandInt.Select(d => (Domain)d),
            DomainGenerators.QLogRandInt.Select(d => (Domain)d))
        .Where(DomainGenerators.IsValid)
        .Select(DomainGenerators.Unit)
        .Sample((domain, t) =>
        {
            var scale = (NumericScale)TpeScale.For(domain);

            double snapped = scale.Snap(t, out object? value);

            Assert.True(domain.Contains(value), $"{domain} does not contain {value}");
            Assert.IsType(domain is IntDomain ? typeof(int) : typeof(double), value);
            Assert.Equal(scale.ToModel(value), snapped);
            if (scale.IsDiscrete)
            {
                scale.Cell(snapped, out double lower, out double upper);
                Assert.InRange(snapped, lower, upper);
            }
        });
    }

    [Fact]
    public void Snap_QUniformDecimalStep_GivesTheDecimalValue()
    {
        var scale = NumericScale.ForFloat(Tune.QUniform(0, 1, 0.1));

        scale.Snap(scale.ToModel(0.3), out object? value);

        Assert.Equal(0.3, value);
    }
}
