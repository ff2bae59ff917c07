using CsCheck;
using Nomadic.Results;

namespace Nomadic.Tests.Results;

public class HypervolumeTests
{
    private static readonly double[] Cube3 = [1.1, 1.1, 1.1];

    [Fact]
    public void Of_TwoObjectiveStaircase_SumsTheDominatedRectangles()
    {
        double area = Hypervolume.Of([[1, 3], [2, 2], [3, 1], [2.5, 2.5]], [4, 4]);

        Assert.Equal(3 + 2 + 1, area, 12);
    }

    [Fact]
    public void Of_PointsNotBelowTheReference_AddNothing()
    {
        Assert.Equal(0, Hypervolume.Of([[5, 1], [1, 5], [4, 1]], [4, 4]));
        Assert.Equal(2, Hypervolume.Of([[5, 1], [2, 3]], [4, 4]), 12);
    }

    [Fact]
    public void Of_ThreeObjectivesTwoOverlappingBoxes_SubtractsTheirIntersection()
    {
        // Boxes [0,2]x[1,2]x[0,2] (volume 4) and [1,2]x[0,2]x[1,2] (volume 2) meet in [1,2]x[1,2]x[1,2] (volume 1).
        double volume = Hypervolume.Of([[0, 1, 0], [1, 0, 1]], [2, 2, 2]);

        Assert.Equal(4 + 2 - 1, volume, 12);
    }

    [Fact]
    public void Of_ThreeObjectivesCorners_CoverTheCubeButItsUnitCorner()
    {
        // Each point covers the half of the 2x2x2 cube where one coordinate is at least 1; only [0,1)³ stays uncovered.
        double volume = Hypervolume.Of([[0, 0, 1], [0, 1, 0], [1, 0, 0]], [2, 2, 2]);

        Assert.Equal(7, volume, 12);
    }

    [Theory]
    [MemberData(nameof(OptunaWfg))]
    public void Of_Fixtures_MatchesOptunasWfg(double[][] points, double expected)
    {
        Assert.Equal(expected, Hypervolume.Of(points, Enumerable.Repeat(1.1, points[0].Length).ToArray()), 12);
    }

    [Fact]
    public void Of_AnyPoints_EqualsInclusionExclusionOverTheBoxes()
    {
        Gen<double[][]> points = Gen.Int[2, 4].SelectMany(d => Gen.Int[0, 10].Select(v => v / 10.0).Array[d].Array[1, 7]);
        points.Sample(set =>
        {
            double[] reference = Enumerable.Repeat(1.05, set[0].Length).ToArray();

            Assert.Equal(InclusionExclusion(set, reference), Hypervolume.Of(set, reference), 9);
        }, iter: 300);
    }

    [Fact]
    public void Of_DominatedOrRepeatedPointAdded_KeepsTheVolume()
    {
        Gen.Double[0, 1].Array[3].Array[1, 12].Sample(set =>
        {
            double before = Hypervolume.Of(set, Cube3);
            double[] worse = [.. set[0].Select(v => Math.Min(1.05, v + 0.01))];

            Assert.Equal(before, Hypervolume.Of([.. set, worse, set[^1]], Cube3), 12);
            Assert.Equal(before, Hypervolume.Of([.. set.Reverse()], Cube3), 12);
        });
    }

    [Fact]
    public void Of_OneObjective_IsTheDistanceFromTheBestToTheReference()
    {
        Assert.Equal(3, Hypervolume.Of([[2.0], [1.0], [5.0]], [4.0]), 12);
    }

    // Fixtures from Optuna 3.1: WFG().compute(points, [1.1] * d), points rounded to 3 decimals from NumPy's RandomState(7).
    public static TheoryData<double[][], double> OptunaWfg => new()
    {
        {
            [[0.076, 0.78, 0.438], [0.723, 0.978, 0.538], [0.501, 0.072, 0.268], [0.5, 0.679, 0.804], [0.381, 0.066, 0.288], [0.91, 0.213, 0.452]],
            0.6806047920000002
        },
        {
            [[0.931, 0.025, 0.601], [0.95, 0.23, 0.548], [0.909, 0.133, 0.523], [0.75, 0.669, 0.468], [0.205, 0.491, 0.372], [0.477, 0.366, 0.838],
             [0.769, 0.314, 0.573], [0.276, 0.453, 0.353], [0.657, 0.37, 0.459], [0.719, 0.413, 0.906], [0.18, 0.741, 0.422], [0.426, 0.634, 0.523]],
            0.5029573700000001
        },
        {
            [[0.415, 0.001, 0.092, 0.709], [0.524, 0.696, 0.955, 0.683], [0.053, 0.309, 0.593, 0.235], [0.965, 0.945, 0.848, 0.472],
             [0.841, 0.131, 0.309, 0.463], [0.742, 0.486, 0.137, 0.344], [0.324, 0.3, 0.166, 0.415], [0.448, 0.775, 0.796, 0.522]],
            0.6612947010650004
        },
        {
            [[0.461, 0.778, 0.887, 0.675, 0.8], [0.939, 0.041, 0.876, 0.277, 0.476], [0.797, 0.717, 0.147, 0.659, 0.069], [0.357, 0.813, 0.428, 0.6, 0.728],
             [0.821, 0.761, 0.007, 0.42, 0.463], [0.055, 0.541, 0.608, 0.828, 0.942], [0.128, 0.23, 0.659, 0.132, 0.224]],
            0.3703355816506832
        },
    };

    // The union of the boxes by inclusion–exclusion: the alternating sum, over every non-empty subset, of the box at
    // the subset's componentwise worst point.
    private static double InclusionExclusion(double[][] points, double[] reference)
    {
        double volume = 0;
        for (int subset = 1; subset < 1 << points.Length; subset++)
        {
            double[] corner = new double[reference.Length];
            int members = 0;
            for (int i = 0; i < points.Length; i++)
            {
                if ((subset & (1 << i)) != 0)
                {
                    members++;
                    for (int m = 0; m < corner.Length; m++)
                    {
                        corner[m] = Math.Max(corner[m], points[i][m]);
                    }
                }
            }

            double box = 1;
            for (int m = 0; m < corner.Length; m++)
            {
                box *= Math.Max(0, reference[m] - corner[m]);
            }

            volume += members % 2 == 1 ? box : -box;
        }

        return volume;
    }
}
