using Nomadic.Tuning.Gp;

namespace Nomadic.Tests.Tuning.Gp;

public class LogExpectedImprovementTests
{
    // log h(z) = log(φ(z) + zΦ(z)) and Φ(z)/h(z), computed with mpmath at 60 digits.
    public static TheoryData<double, double, double> Reference => new()
    {
        { 3, 1.0987396653277078, 0.33284096845179524 },
        { 1, 0.08002621884930694, 0.77663872520173926 },
        { 0, -0.91893853320467274, 1.2533141373155003 },
        { -0.5, -1.6205162643873199, 1.5598731483480797 },
        { -1, -2.4851210257126413, 1.9042712333296918 },
        { -2, -4.7687835239171142, 2.679416883955586 },
        { -5, -16.74430116266099, 5.3618162412880885 },
        { -9, -45.848941292669033, 9.2146276129268979 },
        { -10, -55.553122036122356, 10.194383033412553 },
        { -20, -206.9178385094251, 20.099262811101282 },
        { -40, -808.29856835661996, 40.049906657648518 },
        { -100, -5010.1295788002498, 100.01999400419587 },
        { -1000, -500014.73445209116, 1000.001999994 },
        { -1e5, -5000000023.9447895, 100000.00002 },
        { -1e8, -5000000000000037.8, 100000000.00000002 },
    };

    [Theory]
    [MemberData(nameof(Reference))]
    public void LogH_AgainstHighPrecision_MatchesValueAndSlope(double z, double logH, double slope)
    {
        Assert.Equal(logH, LogExpectedImprovement.LogH(z), (Math.Abs(logH) * 1e-12) + 1e-13);
        Assert.Equal(slope, LogExpectedImprovement.LogHDerivative(z), slope * 1e-10);
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.0, -0.91893853320467274)]
    [InlineData(1.0, 4.0, 0.5, 0.070168949653177423)]
    [InlineData(-3.0, 0.25, 2.0, -56.246269216682301)]
    [InlineData(0.0, 1e-12, 1.0, -500000000042.36547)]
    public void Value_HandComputedCases_MatchesHighPrecision(double mean, double variance, double best, double expected)
    {
        double value = LogExpectedImprovement.Value(mean, variance, best, out _, out _);

        Assert.Equal(expected, value, Math.Abs(expected) * 1e-11);
    }

    [Fact]
    public void Value_FarTailAndTinyVariance_StaysFiniteAndOrdered()
    {
        double[] means = [1, 0, -1, -10, -1e3, -1e6, -1e12];
        double[] values = means.Select(m => LogExpectedImprovement.Value(m, 1e-12, 0, out _, out _)).ToArray();

        Assert.All(values, v => Assert.True(double.IsFinite(v), $"{v} is not finite"));
        Assert.Equal(values.OrderDescending(), values);
    }

    [Theory]
    [InlineData(0.3, 0.7, 0.1)]
    [InlineData(-2.0, 0.05, 1.5)]
    [InlineData(-30.0, 0.5, 0.0)]
    public void Value_Derivatives_MatchFiniteDifferences(double mean, double variance, double best)
    {
        LogExpectedImprovement.Value(mean, variance, best, out double dMean, out double dVariance);
        const double h = 1e-6;

        double numericMean = (Eval(mean + h, variance) - Eval(mean - h, variance)) / (2 * h);
        double numericVariance = (Eval(mean, variance + h) - Eval(mean, variance - h)) / (2 * h);

        Assert.Equal(numericMean, dMean, Math.Abs(numericMean) * 1e-5);
        Assert.Equal(numericVariance, dVariance, Math.Abs(numericVariance) * 1e-5);

        double Eval(double m, double v) => LogExpectedImprovement.Value(m, v, best, out _, out _);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(6.9)]
    [InlineData(7.1)]
    [InlineData(50.0)]
    public void Erfcx_AroundTheSeriesSwitch_MatchesErfcTimesExp(double x)
    {
        double expected = x < 20
            ? Math.Exp(x * x) * MathNet.Numerics.SpecialFunctions.Erfc(x)
            : 1 / (x * Math.Sqrt(Math.PI)) * (1 - (1 / (2 * x * x)) + (3 / (4 * Math.Pow(x, 4))));

        Assert.Equal(expected, LogExpectedImprovement.Erfcx(x), expected * 1e-9);
    }
}
