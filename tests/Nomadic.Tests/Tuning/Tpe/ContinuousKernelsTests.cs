using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class ContinuousKernelsTests
{
    [Fact]
    public void LogMixture_FarFromEveryNarrowKernel_FallsBackToTheExactSumInsteadOfUnderflowing()
    {
        // No prior: at 0.95 both kernels are hundreds of widths away, so every term underflows. The nearer kernel keeps
        // all its mass inside the interval (Z = 1) and dominates.
        ContinuousKernels kernels = Kernels([0.01, 0.02], [0.001, 0.001], [1, 1]);

        double logDensity = kernels.LogMixture(0.95);

        double expected = Math.Log(0.5) - (0.5 * Math.Pow(0.93 / 0.001, 2)) - (0.5 * Math.Log(2 * Math.PI));
        Assert.Equal(expected, logDensity, 6);
    }

    [Fact]
    public void AddLogDensities_ManyKernels_AgreesWithLogMixture()
    {
        var random = new System.Random(5);
        double[] mus = Enumerable.Range(0, 37).Select(_ => random.NextDouble()).ToArray();
        double[] sigmas = mus.Select(_ => 0.01 + (random.NextDouble() * 0.3)).ToArray();
        double[] weights = mus.Select(_ => random.NextDouble()).ToArray();
        ContinuousKernels kernels = Kernels(mus, sigmas, weights);
        double sum = weights.Sum();
        double[] terms = new double[40];
        Array.Fill(terms, double.NegativeInfinity);
        for (int k = 0; k < mus.Length; k++)
        {
            terms[k] = Math.Log(weights[k] / sum);
        }

        kernels.AddLogDensities(0.42, terms);

        Assert.Equal(kernels.LogMixture(0.42), NormalMath.LogSumExp(terms), 9);
    }

    private static ContinuousKernels Kernels(double[] mus, double[] sigmas, double[] weights)
    {
        var kernels = new ContinuousKernels();
        var estimator = new ParzenEstimator([kernels]);
        estimator.Resize(mus.Length);
        mus.CopyTo(kernels.Mu);
        sigmas.CopyTo(kernels.Sigma);
        weights.CopyTo(estimator.RawWeights);
        estimator.Complete(priorIndex: -1);
        return kernels;
    }
}
