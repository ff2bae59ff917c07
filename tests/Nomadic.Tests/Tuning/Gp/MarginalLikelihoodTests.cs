using Nomadic.Tuning.Gp;

namespace Nomadic.Tests.Tuning.Gp;

public class MarginalLikelihoodTests
{
    [Fact]
    public void Loss_Gradient_MatchesFiniteDifferences()
    {
        var random = new Random(3);
        double[][] points = Enumerable.Range(0, 25).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.Next(3) }).ToArray();
        double[] values = points.Select(p => Math.Sin(6 * p[0]) + (0.3 * p[2]) + (0.05 * random.NextDouble())).ToArray();
        var likelihood = new MarginalLikelihood(points, values, [false, false, true]);
        double[] raw = [1.2, -0.5, 0.3, 0.1, -4];
        var gradient = new double[raw.Length];

        likelihood.Loss(raw, gradient);

        for (int q = 0; q < raw.Length; q++)
        {
            const double h = 1e-6;
            double[] up = (double[])raw.Clone();
            double[] down = (double[])raw.Clone();
            up[q] += h;
            down[q] -= h;
            double numeric = (likelihood.Loss(up, new double[raw.Length]) - likelihood.Loss(down, new double[raw.Length])) / (2 * h);
            Assert.Equal(numeric, gradient[q], (Math.Abs(numeric) * 1e-5) + 1e-6);
        }
    }

    [Fact]
    public void ToHyperparameters_ToRaw_RoundTrips()
    {
        var hyperparameters = new KernelHyperparameters([4, 0.25], 2.5, 0.01);

        KernelHyperparameters back = MarginalLikelihood.ToHyperparameters(MarginalLikelihood.ToRaw(hyperparameters));

        Assert.Equal(hyperparameters.InverseSquaredLengthScales, back.InverseSquaredLengthScales, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(2.5, back.SignalVariance, 1e-12);
        Assert.Equal(0.01, back.NoiseVariance, 1e-12);
    }

    [Fact]
    public void ToHyperparameters_ExtremeRaw_StaysFinite()
    {
        KernelHyperparameters h = MarginalLikelihood.ToHyperparameters([1e6, -1e6, 1e6]);

        Assert.True(double.IsFinite(h.InverseSquaredLengthScales[0]) && h.InverseSquaredLengthScales[0] > 0);
        Assert.True(h.SignalVariance > 0);
        Assert.True(double.IsFinite(h.NoiseVariance) && h.NoiseVariance >= MarginalLikelihood.MinimumNoise);
    }
}
