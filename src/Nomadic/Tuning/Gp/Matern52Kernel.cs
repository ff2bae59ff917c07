using MathNet.Numerics.LinearAlgebra;

namespace Nomadic.Tuning.Gp;

/// <summary>
/// The Matérn 5/2 covariance with one length scale per coordinate, k(a, b) = σ² (1 + √(5r²) + 5r²/3) exp(−√(5r²)),
/// where r² sums (a_j − b_j)²/ℓ_j² over numeric coordinates and [a_j ≠ b_j]/ℓ_j² over categorical ones (the Hamming
/// distance Optuna's GP sampler uses for categoricals).
/// </summary>
internal sealed class Matern52Kernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5);
    private readonly double[] _inverseSquaredLengthScales;
    private readonly bool[] _categorical;

    /// <summary>Initializes a new instance of the <see cref="Matern52Kernel"/> class.</summary>
    /// <param name="hyperparameters">The length scales and signal variance.</param>
    /// <param name="categorical">For each coordinate, whether it is compared by equality.</param>
    public Matern52Kernel(KernelHyperparameters hyperparameters, IReadOnlyList<bool> categorical)
    {
        _inverseSquaredLengthScales = hyperparameters.InverseSquaredLengthScales;
        SignalVariance = hyperparameters.SignalVariance;
        _categorical = [.. categorical];
    }

    /// <summary>Gets the prior variance σ² of the latent function, k(a, a).</summary>
    public double SignalVariance { get; }

    /// <summary>Computes the Matérn 5/2 shape as a function of the scaled squared distance r².</summary>
    /// <param name="r2">The scaled squared distance.</param>
    /// <returns>A value in (0, 1], 1 at r² = 0.</returns>
    public static double Shape(double r2)
    {
        double s = Sqrt5 * Math.Sqrt(r2);
        return (1 + s + (5.0 / 3.0 * r2)) * Math.Exp(-s);
    }

    /// <summary>Computes the derivative of <see cref="Shape"/> with respect to r², which stays finite at r² = 0.</summary>
    /// <param name="r2">The scaled squared distance.</param>
    /// <returns>The derivative, −5/6 (1 + √(5r²)) exp(−√(5r²)).</returns>
    public static double ShapeDerivative(double r2)
    {
        double s = Sqrt5 * Math.Sqrt(r2);
        return -5.0 / 6.0 * (1 + s) * Math.Exp(-s);
    }

    /// <summary>Computes the squared distance between two points of one coordinate, before scaling.</summary>
    /// <param name="categorical">Whether the coordinate is categorical.</param>
    /// <param name="a">The first coordinate.</param>
    /// <param name="b">The second coordinate.</param>
    /// <returns>(a − b)², or 0/1 for a categorical.</returns>
    public static double SquaredDifference(bool categorical, double a, double b) =>
        categorical ? (a == b ? 0.0 : 1.0) : (a - b) * (a - b);

    /// <summary>Computes the scaled squared distance r² between two points.</summary>
    /// <param name="a">The first point.</param>
    /// <param name="b">The second point.</param>
    /// <returns>r².</returns>
    public double ScaledSquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double r2 = 0;
        for (int j = 0; j < a.Length; j++)
        {
            r2 += _inverseSquaredLengthScales[j] * SquaredDifference(_categorical[j], a[j], b[j]);
        }

        return r2;
    }

    /// <summary>Computes k(a, b).</summary>
    /// <param name="a">The first point.</param>
    /// <param name="b">The second point.</param>
    /// <returns>The covariance.</returns>
    public double Value(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => SignalVariance * Shape(ScaledSquaredDistance(a, b));

    /// <summary>Builds the covariance matrix of some points, with <paramref name="noise"/> added to the diagonal.</summary>
    /// <param name="points">The points.</param>
    /// <param name="noise">The observation-noise variance.</param>
    /// <returns>The symmetric n × n matrix.</returns>
    public Matrix<double> Gram(IReadOnlyList<double[]> points, double noise)
    {
        int n = points.Count;
        var gram = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            gram[i, i] = SignalVariance + noise;
            for (int j = 0; j < i; j++)
            {
                double value = Value(points[i], points[j]);
                gram[i, j] = value;
                gram[j, i] = value;
            }
        }

        return gram;
    }

    /// <summary>Gets 1/ℓ² of coordinate <paramref name="j"/>.</summary>
    /// <param name="j">The coordinate.</param>
    /// <returns>The inverse squared length scale.</returns>
    public double InverseSquaredLengthScale(int j) => _inverseSquaredLengthScales[j];
}
