using MathNet.Numerics.LinearAlgebra;
using Nomadic.Tuning.Gp;

namespace Nomadic.Tests.Tuning.Gp;

public class HyperparameterFitterTests
{
    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.2, 2)]
    [InlineData(0.4, 3)]
    public void Fit_SampleFromKnownKernel_RecoversItsLengthScaleRoughly(double lengthScale, int seed)
    {
        (double[][] points, double[] values) = SampleWithOneRelevantCoordinate(lengthScale, 80, seed);

        KernelHyperparameters fitted = new HyperparameterFitter().Fit(points, values, [false, false]);

        Assert.InRange(fitted.LengthScales[0], lengthScale / 2, lengthScale * 2);
        Assert.True(fitted.LengthScales[1] > 3 * fitted.LengthScales[0], $"irrelevant coordinate got length scale {fitted.LengthScales[1]}");
    }

    [Fact]
    public void Fit_SecondCallOnMoreData_StartsFromThePreviousOptimum()
    {
        (double[][] points, double[] values) = SampleWithOneRelevantCoordinate(0.2, 60, 4);
        var fitter = new HyperparameterFitter();
        KernelHyperparameters first = fitter.Fit(points[..50], values[..50], [false, false]);

        KernelHyperparameters second = fitter.Fit(points, values, [false, false]);

        Assert.InRange(second.LengthScales[0], first.LengthScales[0] / 2, first.LengthScales[0] * 2);
    }

    [Fact]
    public void Fit_ConstantValuesAndDuplicatePoints_ReturnsFiniteHyperparameters()
    {
        double[][] points = [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.1, 0.9]];

        KernelHyperparameters fitted = new HyperparameterFitter().Fit(points, [0, 0, 0, 0], [false, false]);

        Assert.All(fitted.InverseSquaredLengthScales, v => Assert.True(double.IsFinite(v) && v > 0));
        Assert.True(double.IsFinite(fitted.SignalVariance) && fitted.NoiseVariance >= MarginalLikelihood.MinimumNoise);
    }

    // Draws f ~ GP(0, Matérn 5/2) with the given length scale along the first coordinate, constant along the second.
    private static (double[][] Points, double[] Values) SampleWithOneRelevantCoordinate(double lengthScale, int count, int seed)
    {
        var random = new Random(seed);
        double[][] points = Enumerable.Range(0, count).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var kernel = new Matern52Kernel(new KernelHyperparameters([1 / (lengthScale * lengthScale), 0], 1, 0), [false, false]);
        Matrix<double> factor = kernel.Gram(points, 1e-8).Cholesky().Factor;
        Vector<double> noise = Vector<double>.Build.Dense(count, _ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
        return (points, (factor * noise).ToArray());
    }
}
