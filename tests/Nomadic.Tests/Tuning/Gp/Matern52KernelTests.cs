using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using Nomadic.Tuning.Gp;

namespace Nomadic.Tests.Tuning.Gp;

public class Matern52KernelTests
{
    private static readonly bool[] Mixed = [false, false, true];

    [Fact]
    public void Shape_KnownDistances_MatchesClosedForm()
    {
        Assert.Equal(1.0, Matern52Kernel.Shape(0));

        // r = 1: (1 + √5 + 5/3) e^{−√5}.
        Assert.Equal((1 + Math.Sqrt(5) + (5.0 / 3)) * Math.Exp(-Math.Sqrt(5)), Matern52Kernel.Shape(1), 1e-15);
        Assert.True(Matern52Kernel.Shape(900) < 1e-20);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void ShapeDerivative_AnyDistance_MatchesFiniteDifference(double r2)
    {
        const double h = 1e-7;
        double numeric = (Matern52Kernel.Shape(r2 + h) - Matern52Kernel.Shape(r2 - h)) / (2 * h);

        Assert.Equal(numeric, Matern52Kernel.ShapeDerivative(r2), 1e-7);
        Assert.Equal(-5.0 / 6.0, Matern52Kernel.ShapeDerivative(0));
    }

    [Fact]
    public void Gram_RandomPointsAndScales_IsSymmetricPositiveDefinite()
    {
        Gen.Select(Gen.Double[0, 1].Array[3].Array[2, 40], Gen.Double[0.05, 50].Array[3], Gen.Double[0.1, 10]).Sample((points, scales, signal) =>
        {
            foreach (double[] point in points)
            {
                point[2] = Math.Floor(point[2] * 4);
            }

            var kernel = new Matern52Kernel(new KernelHyperparameters(scales, signal, 1e-6), Mixed);
            Matrix<double> gram = kernel.Gram(points, 1e-6);

            Assert.True(gram.IsSymmetric());
            Assert.All(gram.Evd(Symmetricity.Symmetric).EigenValues, e => Assert.True(e.Real > 0, $"eigenvalue {e.Real}"));
        }, iter: 50);
    }

    [Fact]
    public void ScaledSquaredDistance_CategoricalCoordinate_CountsOnlyInequality()
    {
        var kernel = new Matern52Kernel(new KernelHyperparameters([1, 1, 2], 1, 1e-6), Mixed);

        Assert.Equal(2.0, kernel.ScaledSquaredDistance([0, 0, 0], [0, 0, 1]));
        Assert.Equal(2.0, kernel.ScaledSquaredDistance([0, 0, 0], [0, 0, 3]));
        Assert.Equal(0.25 + 2.0, kernel.ScaledSquaredDistance([0, 0.5, 1], [0, 0, 2]), 1e-15);
    }
}
