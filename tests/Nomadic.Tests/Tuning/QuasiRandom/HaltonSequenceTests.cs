using Nomadic.Tuning.QuasiRandom;

namespace Nomadic.Tests.Tuning.QuasiRandom;

public class HaltonSequenceTests
{
    [Theory]
    [InlineData(0, 64)]
    [InlineData(1, 81)]
    [InlineData(2, 125)]
    public void Next_FirstPowerOfTheBase_PutsOnePointInEveryCell(int coordinate, int cells)
    {
        var sequence = new HaltonSequence(3, new Random(5));

        // The points sit on the cells' left edges, which rounding may put a hair below.
        int[] counts = new int[cells];
        for (int i = 0; i < cells; i++)
        {
            counts[(int)((sequence.Next()[coordinate] * cells) + 1e-9)]++;
        }

        Assert.All(counts, c => Assert.Equal(1, c));
    }

    [Fact]
    public void Next_ManyDimensions_StaysInTheHalfOpenUnitCube()
    {
        var sequence = new HaltonSequence(40, new Random(1));

        for (int i = 0; i < 500; i++)
        {
            Assert.All(sequence.Next(), v => Assert.InRange(v, 0.0, Math.BitDecrement(1.0)));
        }
    }

    [Fact]
    public void Next_SameSeed_GivesSamePoints_OtherSeed_OtherPoints()
    {
        double[] a = new HaltonSequence(6, new Random(9)).Next();
        double[] b = new HaltonSequence(6, new Random(9)).Next();
        double[] c = new HaltonSequence(6, new Random(10)).Next();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Next_LargePrimeCoordinates_AreNotCorrelated()
    {
        // Unscrambled, coordinates of bases 107 and 109 rise together over the first hundred points.
        var sequence = new HaltonSequence(29, new Random(2));
        double[][] points = Enumerable.Range(0, 100).Select(_ => sequence.Next()).ToArray();

        double correlation = MathNet.Numerics.Statistics.Correlation.Pearson(points.Select(p => p[27]), points.Select(p => p[28]));

        Assert.InRange(correlation, -0.5, 0.5);
    }
}
