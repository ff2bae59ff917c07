using CsCheck;
using Nomadic.Tuning;
using Nomadic.Tuning.Encoders;

namespace Nomadic.Tests.Tuning.Encoders;

public class NumericAxisTests
{
    private static readonly Gen<Domain> Numeric = Gen.OneOf<Domain>(
        DomainGenerators.Uniform.Select(d => (Domain)d),
        DomainGenerators.QUniform.Select(d => (Domain)d),
        DomainGenerators.LogUniform.Select(d => (Domain)d),
        DomainGenerators.QLogUniform.Select(d => (Domain)d),
        DomainGenerators.RandInt.Select(d => (Domain)d),
        DomainGenerators.QRandInt.Select(d => (Domain)d),
        DomainGenerators.LogRandInt.Select(d => (Domain)d),
        DomainGenerators.QLogRandInt.Select(d => (Domain)d));

    [Fact]
    public void Transform_AnyValueOfAnyNumericDomain_LiesInsideTheAxisAndComesBack()
    {
        Gen.Select(Numeric.Where(DomainGenerators.IsValid), DomainGenerators.Unit).Sample((domain, unit) =>
        {
            NumericAxis axis = NumericAxis.For(domain)!;
            double value = Convert.ToDouble(domain.FromUnit(unit), System.Globalization.CultureInfo.InvariantCulture);

            double position = axis.Transform(value);

            Assert.InRange(position, axis.CellLow, axis.CellHigh);
            Assert.Equal(value, axis.Untransform(position), Math.Max(1e-12, Math.Abs(value) * 1e-12));
            Assert.InRange(value, axis.Min, axis.Max);
        }, iter: 500);
    }

    [Fact]
    public void Cell_AnyValueOfADiscreteDomain_CoversItAndIsOneStepWide()
    {
        Gen.Select(Numeric.Where(DomainGenerators.IsValid), DomainGenerators.Unit).Sample((domain, unit) =>
        {
            NumericAxis axis = NumericAxis.For(domain)!;
            double value = Convert.ToDouble(domain.FromUnit(unit), System.Globalization.CultureInfo.InvariantCulture);
            if (!axis.IsDiscrete)
            {
                return;
            }

            axis.Cell(value, out double lower, out double upper);

            Assert.True(lower < axis.Transform(value) && axis.Transform(value) < upper, $"{domain}: {value} outside its cell [{lower}, {upper}]");
            Assert.Equal(value + (axis.Step / 2), axis.Untransform(upper), 1e-9 * Math.Max(1, value));
        }, iter: 500);
    }

    [Fact]
    public void For_Integers_GivesEachValueHalfAStepEitherSide()
    {
        NumericAxis axis = NumericAxis.For(Tune.QRandInt(0, 20, 5))!;

        Assert.Equal((0.0, 20.0, 5.0), (axis.Min, axis.Max, axis.Step));
        Assert.Equal((-2.5, 22.5), (axis.CellLow, axis.CellHigh));
        Assert.False(axis.IsLog);
    }

    [Fact]
    public void For_LogIntegersFromOne_KeepsTheFirstCellPositive()
    {
        NumericAxis axis = NumericAxis.For(Tune.LogRandInt(1, 100))!;

        Assert.True(axis.IsLog);
        Assert.Equal(Math.Log(0.5), axis.CellLow);
        Assert.Equal(Math.Log(99.5), axis.CellHigh);
    }

    [Fact]
    public void For_QuantizedLogInteger_StartsAtTheFirstMultipleOfTheStep()
    {
        NumericAxis axis = NumericAxis.For(Tune.QLogRandInt(2, 64, 8))!;

        Assert.Equal(8, axis.Min);
        Assert.Equal(Math.Log(4), axis.CellLow);
        Assert.Equal(Math.Log(68), axis.CellHigh);
    }

    [Fact]
    public void For_ContinuousLogFloat_SpansTheLogarithmsOfItsBounds()
    {
        NumericAxis axis = NumericAxis.For(Tune.LogUniform(1e-4, 1))!;

        Assert.False(axis.IsDiscrete);
        Assert.Equal(Math.Log(1e-4), axis.CellLow);
        Assert.Equal(0.0, axis.CellHigh);
    }

    [Fact]
    public void For_LogScaleOff_SpreadsALogDomainLinearly()
    {
        NumericAxis axis = NumericAxis.For(Tune.LogUniform(1e-4, 1), logScale: false)!;

        Assert.False(axis.IsLog);
        Assert.Equal((1e-4, 1.0), (axis.CellLow, axis.CellHigh));
    }

    [Fact]
    public void For_Choice_HasNoNumericAxis()
    {
        Assert.Null(NumericAxis.For(Tune.Choice("a", "b")));
    }
}
