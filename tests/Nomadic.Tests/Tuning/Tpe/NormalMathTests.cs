using System.Runtime.Intrinsics;
using CsCheck;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class NormalMathTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(2.0, 0.022750131948179209)]
    [InlineData(5.0, 2.8665157187919333e-07)]
    [InlineData(10.0, 7.6198530241605269e-24)]
    [InlineData(30.0, 4.906713927148187e-198)]
    public void UpperTail_KnownValues_HaveRelativeErrorBelow2e7(double z, double expected)
    {
        Assert.InRange(NormalMath.UpperTail(z) / expected, 1 - 2e-7, 1 + 2e-7);
        Assert.InRange(NormalMath.UpperTail(Vector256.Create(z))[2] / expected, 1 - 2e-7, 1 + 2e-7);
    }

    [Fact]
    public void InverseCdf_AnyProbability_InvertsTheCdf()
    {
        Gen.Double[-8, 6].Sample(z =>
        {
            double p = z < 0 ? NormalMath.UpperTail(-z) : 1 - NormalMath.UpperTail(z);
            Assert.Equal(z, NormalMath.InverseCdf(p), Math.Abs(z) > 5 ? 1e-4 : 1e-6);
        });
    }

    [Fact]
    public void IntervalMass_AnyInterval_IsTheDifferenceOfTheCdfsToFiveDigits()
    {
        Gen.Select(Gen.Double[-12, 12], Gen.Double[0, 3]).Sample((a, width) =>
        {
            double b = a + width;
            double expected = Integral(a, b);
            double mass = NormalMath.IntervalMass(Vector256.Create(a), Vector256.Create(b))[0];
            Assert.True(Math.Abs(mass - expected) <= (1e-5 * expected) + 1e-15, $"[{a}, {b}]: {mass} instead of {expected}");
        });
    }

    [Fact]
    public void IntervalMass_NarrowCellFarInTheTail_KeepsItsRelativePrecision()
    {
        // Both tails round to the same value here; the midpoint rule does not.
        double mass = NormalMath.IntervalMass(Vector256.Create(3.0), Vector256.Create(3.0 + 1e-9))[0];

        Assert.Equal(1e-9 * Math.Exp(-4.5) / Math.Sqrt(2 * Math.PI), mass, 1e-15);
    }

    [Fact]
    public void SampleTruncated_AnyKernel_StaysInTheUnitIntervalWithTheRightMean()
    {
        var random = new System.Random(3);
        double[] draws = Enumerable.Range(0, 20_000).Select(_ => NormalMath.SampleTruncated(0.9, 0.2, random)).ToArray();

        Assert.All(draws, d => Assert.InRange(d, 0.0, 1.0));

        // The mean of N(0.9, 0.2²) truncated to [0, 1]: μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)), α = −4.5, β = 0.5.
        double expected = 0.9 + (0.2 * (Pdf(-4.5) - Pdf(0.5)) / (Cdf(0.5) - Cdf(-4.5)));
        Assert.Equal(expected, draws.Average(), 2);
    }

    [Fact]
    public void LogSumExp_HugeAndTinyTerms_NeitherOverflowsNorUnderflows()
    {
        Assert.Equal(1000 + Math.Log(2), NormalMath.LogSumExp([1000, 1000]), 12);
        Assert.Equal(-1000 + Math.Log(4), NormalMath.LogSumExp([-1000, -1000, -1000, double.NegativeInfinity, -1000 - 800, -1000]), 12);
        Assert.Equal(double.NegativeInfinity, NormalMath.LogSumExp([double.NegativeInfinity]));
    }

    // Composite Simpson's rule on 1000 panels: exact to about 1e-12 of the mass on intervals up to 3 wide.
    private static double Integral(double a, double b)
    {
        const int panels = 1000;
        double h = (b - a) / panels;
        double sum = Pdf(a) + Pdf(b);
        for (int i = 1; i < panels; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * Pdf(a + (i * h));
        }

        return sum * h / 3;
    }

    private static double Cdf(double z) => z < 0 ? 0.5 * Erfc(-z / Math.Sqrt(2)) : 1 - (0.5 * Erfc(z / Math.Sqrt(2)));

    private static double Pdf(double z) => Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);

    // A reference erfc independent of the one under test: the continued fraction for large x, the series otherwise.
    private static double Erfc(double x)
    {
        if (x < 3)
        {
            double sum = 0;
            double term = x;
            for (int n = 0; n < 200; n++)
            {
                sum += term / ((2 * n) + 1);
                term *= -x * x / (n + 1);
            }

            return 1 - (2 / Math.Sqrt(Math.PI) * sum);
        }

        double fraction = 0;
        for (int n = 200; n >= 1; n--)
        {
            fraction = n / 2.0 / (x + fraction);
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / (x + fraction);
    }
}
