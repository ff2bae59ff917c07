using Nomadic.Tuning.QuasiRandom;

namespace Nomadic.Tests.Tuning.QuasiRandom;

public class SobolSequenceTests
{
    // Reference points of the unscrambled sequence from SciPy 1.10 (qmc.Sobol(d=21, scramble=False)), which uses the
    // same Joe-Kuo table and Gray-code order.
    private static readonly double[] Point1000 =
    [
        0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625, 0.0458984375,
        0.8994140625, 0.5009765625, 0.0693359375, 0.0849609375, 0.2548828125, 0.1611328125, 0.3837890625,
        0.1435546875, 0.3701171875, 0.7197265625, 0.3447265625, 0.9912109375, 0.7255859375, 0.5224609375,
    ];

    private static readonly double[] Point100000 =
    [
        0.06107330322265625, 0.10758209228515625, 0.9435806274414062, 0.6208114624023438, 0.6055526733398438,
        0.9656753540039062, 0.06101226806640625, 0.03574371337890625, 0.02039337158203125, 0.7699661254882812,
        0.27794647216796875, 0.45186614990234375, 0.5651931762695312, 0.19686126708984375, 0.09619903564453125,
        0.05928802490234375, 0.9751510620117188, 0.24619293212890625, 0.43361663818359375, 0.10890960693359375,
        0.24465179443359375,
    ];

    [Fact]
    public void Next_Unscrambled_GivesTheKnownFirstEightPoints()
    {
        var sequence = new SobolSequence(3, random: null);
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];

        Assert.All(expected, point => Assert.Equal(point, sequence.Next()));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(100000)]
    public void Next_Unscrambled_MatchesTheReferenceInAll21Coordinates(int index)
    {
        var sequence = new SobolSequence(21, random: null);
        for (int i = 0; i < index; i++)
        {
            sequence.Next();
        }

        Assert.Equal(index == 1000 ? Point1000 : Point100000, sequence.Next());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(7)]
    public void Next_FirstPowerOfTwo_PutsOnePointInEveryBinOfEveryCoordinate(int? seed)
    {
        var sequence = new SobolSequence(21, seed is int s ? new Random(s) : null);
        double[][] points = Enumerable.Range(0, 1024).Select(_ => sequence.Next()).ToArray();

        for (int k = 1; k <= 10; k++)
        {
            int bins = 1 << k;
            for (int j = 0; j < 21; j++)
            {
                int[] counts = new int[bins];
                foreach (double[] point in points.Take(bins))
                {
                    counts[(int)(point[j] * bins)]++;
                }

                Assert.True(counts.All(c => c == 1), $"coordinate {j}, {bins} bins: counts {string.Join(",", counts)}");
            }
        }
    }

    [Fact]
    public void Next_Scrambled_StaysInTheHalfOpenUnitCubeAndAvoidsTheOrigin()
    {
        var sequence = new SobolSequence(21, new Random(3));
        double[] first = sequence.Next();

        Assert.Contains(first, v => v > 0);
        for (int i = 0; i < 2000; i++)
        {
            Assert.All(sequence.Next(), v => Assert.InRange(v, 0.0, Math.BitDecrement(1.0)));
        }
    }

    [Fact]
    public void Next_SameSeed_GivesSamePoints_OtherSeed_OtherPoints()
    {
        static double[] Third(int seed)
        {
            var sequence = new SobolSequence(5, new Random(seed));
            sequence.Next();
            sequence.Next();
            return sequence.Next();
        }

        Assert.Equal(Third(4), Third(4));
        Assert.NotEqual(Third(4), Third(5));
    }

    [Fact]
    public void Constructor_TooManyCoordinates_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(SobolDirections.MaxDimension + 1, null));
    }
}
