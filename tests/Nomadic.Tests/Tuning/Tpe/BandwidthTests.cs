using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class BandwidthTests
{
    [Fact]
    public void FromNeighbours_NoEndpoints_TakesTheLargerGapAndTheInnerGapAtTheEnds()
    {
        double[] sigmas = new double[4];

        Bandwidth.FromNeighbours([0.1, 0.2, 0.5, 0.6], sigmas, considerEndpoints: false);

        Assert.Equal([0.1, 0.3, 0.3, 0.1], sigmas.Select(s => Math.Round(s, 12)));
    }

    [Fact]
    public void FromNeighbours_Endpoints_LetTheOutermostKernelsReachTheEnds()
    {
        double[] sigmas = new double[4];

        Bandwidth.FromNeighbours([0.1, 0.2, 0.5, 0.6], sigmas, considerEndpoints: true);

        Assert.Equal([0.1, 0.3, 0.3, 0.4], sigmas.Select(s => Math.Round(s, 12)));
    }

    [Fact]
    public void FromNeighbours_SingleKernel_TakesTheLargerDistanceToAnEnd()
    {
        double[] sigmas = new double[1];

        Bandwidth.FromNeighbours([0.3], sigmas, considerEndpoints: false);

        Assert.Equal(0.7, sigmas[0], 12);
    }

    [Fact]
    public void Clip_MagicClip_RaisesNarrowKernelsToOneOverKernelsPlusOne()
    {
        double[] sigmas = [1e-9, 0.05, 3.0];

        Bandwidth.Clip(sigmas, magicClip: true);

        Assert.Equal([0.25, 0.25, 1.0], sigmas);
    }

    [Fact]
    public void Clip_ManyKernels_LowerBoundStopsAtOneHundredth()
    {
        double[] sigmas = new double[500];

        Bandwidth.Clip(sigmas, magicClip: true);

        Assert.All(sigmas, s => Assert.Equal(0.01, s));
    }

    [Fact]
    public void Clip_WithoutMagicClip_OnlyKeepsWidthsPositive()
    {
        double[] sigmas = [0.0, 0.05];

        Bandwidth.Clip(sigmas, magicClip: false);

        Assert.Equal([1e-12, 0.05], sigmas);
    }

    [Theory]
    [InlineData(1, 2, 0.2)]
    [InlineData(64, 2, 0.1)]
    [InlineData(0, 5, 0.2)]
    public void Scott_ObservationsAndDimensions_IsScottsRuleWithBohbsConstant(int observations, int dimensions, double expected)
    {
        Assert.Equal(expected, Bandwidth.Scott(observations, dimensions), 12);
    }
}
