using Nomadic.Tuning.Tpe;

namespace Nomadic.Tests.Tuning.Tpe;

public class ParzenEstimatorTests
{
    [Fact]
    public void SampleKernel_Weights_DrawsEachKernelInProportion()
    {
        ParzenEstimator estimator = Estimator([0.2, 0.5, 0.8], [1, 0, 3]);
        var random = new System.Random(1);

        int[] counts = new int[3];
        for (int i = 0; i < 40_000; i++)
        {
            counts[estimator.SampleKernel(random)]++;
        }

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[0] / 40_000.0, 0.24, 0.26);
    }

    [Fact]
    public void LogPdf_TwoComponents_IsTheLogOfTheWeightedProductKernels()
    {
        var x = new ContinuousKernels();
        var c = new CategoricalKernels(2, 1.0);
        var estimator = new ParzenEstimator([x, c]);
        estimator.Resize(2);
        (x.Mu[0], x.Mu[1], x.Sigma[0], x.Sigma[1]) = (0.3, 0.5, 0.1, 1.0);
        c.Category[0] = 1;
        (estimator.RawWeights[0], estimator.RawWeights[1]) = (1, 1);
        estimator.Complete(priorIndex: 1);

        // Kernel 0: φ((0.4 − 0.3)/0.1)/Z₀ for x (Optuna 3.1 evaluates kernels without 1/σ) times (1 + 1/2)/(2/2 + 1) for
        // its own choice; kernel 1, the prior: φ(0.1)/Z₁ times 1/2.
        double z0 = Cdf(7) - Cdf(-3);
        double z1 = Cdf(0.5) - Cdf(-0.5);
        double expected = Math.Log((0.5 * Pdf(1) / z0 * 0.75) + (0.5 * Pdf(0.1) / z1 * 0.5));
        Assert.Equal(expected, estimator.LogPdf([0.4, 1]), 6);
    }

    [Fact]
    public void Complete_AllWeightsZero_ThrowsNamingTheOption()
    {
        Assert.Throws<InvalidOperationException>(() => Estimator([0.5], [0]));
    }

    private static ParzenEstimator Estimator(double[] mus, double[] weights)
    {
        var kernels = new ContinuousKernels();
        var estimator = new ParzenEstimator([kernels]);
        estimator.Resize(mus.Length);
        mus.CopyTo(kernels.Mu);
        kernels.Sigma.Fill(0.1);
        weights.CopyTo(estimator.RawWeights);
        estimator.Complete(priorIndex: -1);
        return estimator;
    }

    private static double Pdf(double z) => Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);

    private static double Cdf(double z) => z < 0 ? NormalMath.UpperTail(-z) : 1 - NormalMath.UpperTail(z);
}
