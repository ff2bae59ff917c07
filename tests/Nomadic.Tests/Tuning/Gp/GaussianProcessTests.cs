using Nomadic.Tuning.Gp;

namespace Nomadic.Tests.Tuning.Gp;

public class GaussianProcessTests
{
    private static readonly bool[] Numeric = [false, false];
    private static readonly double[][] Points = [[0.1, 0.2], [0.4, 0.9], [0.8, 0.3], [0.6, 0.6], [0.2, 0.7]];
    private static readonly double[] Values = [1.0, -0.5, 0.3, 2.0, -1.2];

    [Fact]
    public void Predict_AtObservedPoints_ReproducesTheValuesWithLittleVariance()
    {
        var process = new GaussianProcess(Points, Values, new KernelHyperparameters([4, 4], 1, 1e-6), Numeric);

        for (int i = 0; i < Points.Length; i++)
        {
            (double mean, double variance) = process.Predict(Points[i], [], []);
            Assert.Equal(Values[i], mean, 1e-4);
            Assert.InRange(variance, 0, 1e-5);
        }
    }

    [Fact]
    public void Predict_FarFromData_RevertsToThePrior()
    {
        var process = new GaussianProcess(Points, Values, new KernelHyperparameters([400, 400], 2, 1e-6), Numeric);

        (double mean, double variance) = process.Predict([10, 10], [], []);

        Assert.Equal(0, mean, 1e-9);
        Assert.Equal(2, variance, 1e-9);
    }

    [Fact]
    public void Predict_Gradients_MatchFiniteDifferences()
    {
        var process = new GaussianProcess(Points, Values, new KernelHyperparameters([3, 7], 1.5, 1e-4), Numeric);
        double[] x = [0.35, 0.45];
        var dMean = new double[2];
        var dVariance = new double[2];

        process.Predict(x, dMean, dVariance);

        for (int j = 0; j < 2; j++)
        {
            const double h = 1e-6;
            double[] up = (double[])x.Clone();
            double[] down = (double[])x.Clone();
            up[j] += h;
            down[j] -= h;
            (double meanUp, double varianceUp) = process.Predict(up, [], []);
            (double meanDown, double varianceDown) = process.Predict(down, [], []);
            Assert.Equal((meanUp - meanDown) / (2 * h), dMean[j], 1e-6);
            Assert.Equal((varianceUp - varianceDown) / (2 * h), dVariance[j], 1e-6);
        }
    }

    [Fact]
    public void Constructor_DuplicatePointsWithoutNoise_FactorsWithJitter()
    {
        double[][] points = [[0.5, 0.5], [0.5, 0.5], [0.2, 0.1]];

        var process = new GaussianProcess(points, [1, 1, 0], new KernelHyperparameters([1, 1], 1, 0), Numeric);

        Assert.True(double.IsFinite(process.Predict([0.4, 0.4], [], []).Mean));
    }
}
