using MathNet.Numerics.LinearAlgebra;

namespace Nomadic.Tuning.Gp;

/// <summary>The posterior of a zero-mean Gaussian process given observed points and values.</summary>
internal sealed class GaussianProcess
{
    private readonly double[][] _points;
    private readonly Matern52Kernel _kernel;
    private readonly bool[] _categorical;
    private readonly Vector<double> _alpha;
    private readonly Matrix<double> _inverse;

    /// <summary>Initializes a new instance of the <see cref="GaussianProcess"/> class by conditioning on observations.</summary>
    /// <param name="points">The observed points.</param>
    /// <param name="values">The observed values, standardized.</param>
    /// <param name="hyperparameters">The kernel's hyperparameters.</param>
    /// <param name="categorical">For each coordinate, whether it is categorical.</param>
    /// <exception cref="ArgumentException">The covariance matrix cannot be factored.</exception>
    public GaussianProcess(double[][] points, double[] values, KernelHyperparameters hyperparameters, IReadOnlyList<bool> categorical)
    {
        _points = points;
        _categorical = [.. categorical];
        _kernel = new Matern52Kernel(hyperparameters, _categorical);
        var cholesky = StableCholesky.Factor(_kernel.Gram(points, hyperparameters.NoiseVariance));
        _alpha = cholesky.Solve(Vector<double>.Build.DenseOfArray(values));
        _inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(points.Length));
    }

    /// <summary>Computes the posterior mean and variance of the latent function at a point, optionally with gradients.</summary>
    /// <param name="x">The point.</param>
    /// <param name="dMean">Receives ∂mean/∂x for numeric coordinates (0 for categorical ones); empty to skip gradients.</param>
    /// <param name="dVariance">Receives ∂variance/∂x likewise; empty to skip gradients.</param>
    /// <returns>The mean and the variance, clamped at 0.</returns>
    public (double Mean, double Variance) Predict(ReadOnlySpan<double> x, Span<double> dMean, Span<double> dVariance)
    {
        int n = _points.Length;
        var r2 = new double[n];
        var k = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            r2[i] = _kernel.ScaledSquaredDistance(x, _points[i]);
            k[i] = _kernel.SignalVariance * Matern52Kernel.Shape(r2[i]);
        }

        // The variance is σ² − kᵀK⁻¹k (Rasmussen and Williams 2006, eq. 2.26).
        Vector<double> beta = _inverse * k;
        if (!dMean.IsEmpty)
        {
            Gradients(x, r2, beta, dMean, dVariance);
        }

        return (k.DotProduct(_alpha), Math.Max(_kernel.SignalVariance - k.DotProduct(beta), 0.0));
    }

    /// <summary>Computes the posterior mean and variance at many points at once, with matrix products.</summary>
    /// <param name="points">The points.</param>
    /// <returns>The means and the variances, clamped at 0.</returns>
    public (double[] Means, double[] Variances) PredictMany(IReadOnlyList<double[]> points)
    {
        double signal = _kernel.SignalVariance;
        Matrix<double> cross = Matrix<double>.Build.Dense(points.Count, _points.Length, (i, j) => _kernel.Value(points[i], _points[j]));
        Vector<double> means = cross * _alpha;
        Vector<double> quadratic = (cross * _inverse).PointwiseMultiply(cross).RowSums();
        return (means.ToArray(), quadratic.Select(q => Math.Max(signal - q, 0.0)).ToArray());
    }

    private void Gradients(ReadOnlySpan<double> x, double[] r2, Vector<double> beta, Span<double> dMean, Span<double> dVariance)
    {
        dMean.Clear();
        dVariance.Clear();
        for (int i = 0; i < _points.Length; i++)
        {
            double slope = _kernel.SignalVariance * Matern52Kernel.ShapeDerivative(r2[i]);
            double byMean = slope * _alpha[i];
            double byVariance = -2 * slope * beta[i];
            double[] point = _points[i];
            for (int j = 0; j < x.Length; j++)
            {
                if (!_categorical[j])
                {
                    double dr2 = _kernel.InverseSquaredLengthScale(j) * 2 * (x[j] - point[j]);
                    dMean[j] += byMean * dr2;
                    dVariance[j] += byVariance * dr2;
                }
            }
        }
    }
}
