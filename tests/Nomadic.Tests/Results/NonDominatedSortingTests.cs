using CsCheck;
using Nomadic.Results;

namespace Nomadic.Tests.Results;

public class NonDominatedSortingTests
{
    [Fact]
    public void Fronts_HandExample_RanksByDomination()
    {
        double[][] points = [[1, 5], [2, 2], [5, 1], [3, 3], [4, 4], [6, 6], [2, 6]];

        List<int[]> fronts = NonDominatedSorting.Fronts(points);

        Assert.Equal([[0, 1, 2], [3, 6], [4], [5]], fronts);
    }

    [Fact]
    public void Fronts_AnyPoints_PartitionWithEachFrontDominatedOnlyByEarlierOnes()
    {
        Gen<double[]> point = Gen.Int[0, 5].Select(v => (double)v).Array[3];
        point.List[0, 25].Sample(points =>
        {
            List<int[]> fronts = NonDominatedSorting.Fronts(points);

            Assert.Equal(Enumerable.Range(0, points.Count), fronts.SelectMany(f => f).Order());
            Assert.Equal(NonDominatedSorting.FirstFront(points), fronts.FirstOrDefault() ?? []);
            for (int rank = 0; rank < fronts.Count; rank++)
            {
                foreach (int p in fronts[rank])
                {
                    Assert.DoesNotContain(fronts.Skip(rank).SelectMany(f => f), q => ParetoDominance.Dominates(points[q], points[p]));
                    Assert.True(rank == 0 || fronts[rank - 1].Any(q => ParetoDominance.Dominates(points[q], points[p])));
                }
            }
        });
    }

    [Fact]
    public void LeadingFronts_AnyPointsAndCount_AreTheFirstFrontsHoldingThatMany()
    {
        Gen.Select(Gen.Int[2, 3].SelectMany(d => Gen.Int[0, 5].Select(v => (double)v).Array[d].List[0, 30]), Gen.Int[0, 32]).Sample((points, count) =>
        {
            List<int[]> all = NonDominatedSorting.Fronts(points);
            List<int[]> leading = NonDominatedSorting.LeadingFronts(points, count);

            int needed = 0;
            int held = 0;
            while (held < Math.Min(count, points.Count))
            {
                held += all[needed++].Length;
            }

            Assert.Equal(all.Take(needed), leading);
        });
    }

    [Fact]
    public void CrowdingDistances_Line_GivesInfinityAtTheEndsAndNormalizedGapsInside()
    {
        double[][] points = [[0, 4], [1, 3], [3, 1], [4, 0]];

        double[] distances = NonDominatedSorting.CrowdingDistances(points, [0, 1, 2, 3]);

        Assert.Equal(double.PositiveInfinity, distances[0]);
        Assert.Equal(double.PositiveInfinity, distances[3]);
        Assert.Equal(1.5, distances[1], 12);
        Assert.Equal(1.5, distances[2], 12);
    }

    [Fact]
    public void CrowdingDistances_TwoMembers_AreBothInfinite()
    {
        Assert.All(NonDominatedSorting.CrowdingDistances([[0.0], [1.0]], [0, 1]), d => Assert.Equal(double.PositiveInfinity, d));
    }

    [Fact]
    public void Dominates_EqualVectors_IsFalseBothWays()
    {
        Assert.False(ParetoDominance.Dominates([1, 2], [1, 2]));
        Assert.True(ParetoDominance.Dominates([1, 2], [1, 3]));
        Assert.False(ParetoDominance.Dominates([0, 3], [1, 2]));
    }
}
