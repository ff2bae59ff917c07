using Nomadic.Analysis;

namespace Nomadic.Tests.Analysis;

public class BootstrapIntervalTests
{
    private static readonly double[] Sample = [0.3, -0.1, 0.5, 0.2, 0.8, 0.0, 0.4, 0.1, -0.2, 0.6];

    [Fact]
    public void OfMean_SameSeed_SameInterval()
    {
        ConfidenceInterval a = BootstrapInterval.OfMean(Sample, seed: 7);
        ConfidenceInterval b = BootstrapInterval.OfMean(Sample, seed: 7);

        Assert.Equal(a, b);
    }

    [Fact]
    public void OfMean_Interval_ContainsSampleMeanAndLevel()
    {
        ConfidenceInterval ci = BootstrapInterval.OfMean(Sample, level: 0.9);

        Assert.Equal(Sample.Average(), ci.Estimate, 15);
        Assert.True(ci.Lower < ci.Estimate && ci.Estimate < ci.Upper);
        Assert.Equal(0.9, ci.Level);
    }

    [Fact]
    public void OfMean_ConstantSample_DegenerateInterval()
    {
        ConfidenceInterval ci = BootstrapInterval.OfMean([2.0, 2.0, 2.0]);

        Assert.Equal((2.0, 2.0), (ci.Lower, ci.Upper));
    }

    [Fact]
    public void OfMean_NormalSamples_CoverTrueMeanAboutNinetyFivePercent()
    {
        // 200 samples of 30 from N(1, 1), 2,000 resamples each: coverage near 0.95 (the percentile interval runs a
        // little narrow at n = 30), far from a broken 0.5 or 1.0.
        var random = new Random(3);
        int covered = 0;
        for (int s = 0; s < 200; s++)
        {
            double[] sample = [.. Enumerable.Range(0, 30).Select(_ => 1 + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))];
            covered += BootstrapInterval.OfMean(sample, resamples: 2_000, seed: s).Contains(1.0) ? 1 : 0;
        }

        Assert.InRange(covered / 200.0, 0.88, 0.99);
    }

    [Fact]
    public void OfMean_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => BootstrapInterval.OfMean([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.OfMean(Sample, level: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.OfMean(Sample, resamples: 0));
    }
}
