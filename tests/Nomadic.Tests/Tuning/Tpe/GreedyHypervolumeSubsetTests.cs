using CsCheck;
using Nomadic.Results;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class GreedyHypervolumeSubsetTests
{
    [Fact]
    public void Select_Staircase_PicksTheLargestBoxThenTheLargestGain()
    {
        // Boxes to (10, 10): (1, 8) 18, (3, 3) 49, (8, 1) 18, (4, 2.5) 45. After (3, 3), (4, 2.5) adds only 3; (1, 8)
        // and (8, 1) add 4 each, and the lower index wins the tie.
        double[][] points = [[1, 8], [3, 3], [8, 1], [4, 2.5]];

        Assert.Equal([1, 0, 2], GreedyHypervolumeSubset.Select(points, 3, [10, 10]));
    }

    [Fact]
    public void Select_AnyFront_PicksAsThePlainGreedyDoes()
    {
        // Uniform coordinates, so no two gains tie and rounding cannot decide between them.
        Gen.Select(Gen.Int, Gen.Int[2, 3], Gen.Int[1, 30], Gen.Int[1, 15]).Sample((seed, dimension, count, wanted) =>
        {
            var random = new System.Random(seed);
            double[][] set = [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimension).Select(_ => random.NextDouble()).ToArray())];
            double[][] points = [.. NonDominatedSorting.FirstFront(set).Select(i => set[i])];
            int size = Math.Min(wanted, points.Length);
            double[] reference = Enumerable.Repeat(1.1, points[0].Length).ToArray();

            Assert.Equal(PlainGreedy(points, size, reference), GreedyHypervolumeSubset.Select(points, size, reference));
        }, iter: 200);
    }

    // Recomputes every remaining point's gain at every step; ties to the lower index.
    private static int[] PlainGreedy(double[][] points, int size, double[] reference)
    {
        var chosen = new List<int>();
        while (chosen.Count < size)
        {
            double volume = Hypervolume.Of(chosen.Select(i => points[i]), reference);
            int best = -1;
            double bestGain = double.NegativeInfinity;
            for (int i = 0; i < points.Length; i++)
            {
                double gain = chosen.Contains(i) ? double.NegativeInfinity : Hypervolume.Of([.. chosen.Select(c => points[c]), points[i]], reference) - volume;
                if (!chosen.Contains(i) && gain > bestGain + 1e-12)
                {
                    (best, bestGain) = (i, gain);
                }
            }

            chosen.Add(best);
        }

        return [.. chosen];
    }
}
