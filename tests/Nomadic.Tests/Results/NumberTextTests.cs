using Nomadic.Results;

namespace Nomadic.Tests.Results;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(0.123456, "0.1235")]
    [InlineData(12.0, "12")]
    [InlineData(0.0, "0")]
    [InlineData(2.4213e-5, "2.421e-5")]
    [InlineData(-1.5e6, "-1.5e6")]
    [InlineData(0.1 + 0.2, "0.3")]
    public void Format_FiniteNumber_IsShortWithoutUpperCaseExponent(double value, string expected) =>
        Assert.Equal(expected, NumberText.Format(value));

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NegativeInfinity, "-∞")]
    public void Format_NonFiniteNumber_IsItsSymbol(double value, string expected) =>
        Assert.Equal(expected, NumberText.Format(value));
}
