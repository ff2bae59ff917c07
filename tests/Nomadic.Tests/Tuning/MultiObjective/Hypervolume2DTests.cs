namespace Nomadic.Tests.Tuning.MultiObjective;

public class Hypervolume2DTests
{
    [Fact]
    public void Of_Staircase_SumsTheDominatedRectangles()
    {
        double area = Hypervolume2D.Of([(1, 3), (2, 2), (3, 1), (2.5, 2.5)], (4, 4));

        Assert.Equal(3 + 2 + 1, area, 12);
    }

    [Fact]
    public void Of_PointsBeyondTheReference_AddNothing()
    {
        Assert.Equal(0, Hypervolume2D.Of([(5, 1), (1, 5)], (4, 4)));
    }
}
