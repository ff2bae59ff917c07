using MathNet.Numerics.LinearAlgebra;

namespace Nomadic.Tuning.Gp;

/// <summary>
/// The negative log marginal likelihood of GP hyperparameters, minus their log prior, with its gradient
/// (Rasmussen and Williams 2006, eqs. 5.8 and 5.9), as a function of raw parameters: the logs of the inverse squared
/// length scales, of the signal variance, and of the noise variance above its floor.
/// </summary>
internal sealed class MarginalLikelihood
{
    /// <summary>The floor of the noise variance (Optuna's default), which keeps the covariance matrix invertible.</summary>
    public const double MinimumNoise = 1e-6;

    // Raw parameters are clamped so exp() stays finite whatever a line search tries.
    private const double RawLimit = 30;

    private readonly Vector<double> _values;
    private readonly int _count;
    private readonly int _dimension;
    private readonly double[] _differences;

    /// <summary>Initializes a new instance of the <see cref="MarginalLikelihood"/> class.</summary>
    /// <param name="points">The observed points.</param>
    /// <param name="values">The observed values, standardized.</param>
    /// <param name="categorical">For each coordinate, whether it is categorical.</param>
    public MarginalLikelihood(double[][] points, double[] values, IReadOnlyList<bool> categorical)
    {
        _values = Vector<double>.Build.DenseOfArray(values);
        _count = points.Length;
        _dimension = categorical.Count;
        _differences = new double[_count * (_count - 1) / 2 * _dimension];
        int p = 0;
        for (int i = 1; i < _count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                for (int k = 0; k < _dimension; k++)
                {
                    _differences[p++] = Matern52Kernel.SquaredDifference(categorical[k], points[i][k], points[j][k]);
                }
            }
        }
    }

    /// <summary>Maps raw parameters to hyperparameters.</summary>
    /// <param name="raw">The raw parameters: d log inverse squared length scales, log signal variance, log excess noise.</param>
    /// <returns>The hyperparameters.</returns>
    public static KernelHyperparameters ToHyperparameters(ReadOnlySpan<double> raw)
    {
        int d = raw.Length - 2;
        var inverse = new double[d];
        for (int k = 0; k < d; k++)
        {
            inverse[k] = Exp(raw[k]);
        }

        return new KernelHyperparameters(inverse, Exp(raw[d]), MinimumNoise + Exp(raw[d + 1]));
    }

    /// <summary>Maps hyperparameters to raw parameters, the inverse of <see cref="ToHyperparameters"/>.</summary>
    /// <param name="hyperparameters">The hyperparameters; the noise variance above <see cref="MinimumNoise"/>.</param>
    /// <returns>The raw parameters.</returns>
    public static double[] ToRaw(KernelHyperparameters hyperparameters) =>
    [
        .. hyperparameters.InverseSquaredLengthScales.Select(v => Math.Log(v)),
        Math.Log(hyperparameters.SignalVariance),
        Math.Log(Math.Max(hyperparameters.NoiseVariance - MinimumNoise, MinimumNoise)),
    ];

    /// <summary>Computes the loss to minimize, −log p(y | θ) − log p(θ), and its gradient.</summary>
    /// <param name="raw">The raw parameters.</param>
    /// <param name="gradient">Receives ∂loss/∂raw.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentException">The covariance matrix cannot be factored.</exception>
    public double Loss(ReadOnlySpan<double> raw, Span<double> gradient)
    {
        KernelHyperparameters h = ToHyperparameters(raw);
        double[] inverseSquared = h.InverseSquaredLengthScales;
        double signal = h.SignalVariance;
        var gram = Matrix<double>.Build.Dense(_count, _count);
        var r2 = new double[_count * (_count - 1) / 2];
        for (int i = 0, p = 0; i < _count; i++)
        {
            gram[i, i] = signal + h.NoiseVariance;
            for (int j = 0; j < i; j++, p++)
            {
                r2[p] = ScaledDistance(p, inverseSquared);
                gram[i, j] = gram[j, i] = signal * Matern52Kernel.Shape(r2[p]);
            }
        }

        var cholesky = StableCholesky.Factor(gram);
        Vector<double> alpha = cholesky.Solve(_values);
        Matrix<double> inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(_count));
        double loss = (0.5 * _values.DotProduct(alpha)) + (0.5 * cholesky.DeterminantLn) + (0.5 * _count * Math.Log(2 * Math.PI));

        // ∂loss/∂θ = −½ tr((ααᵀ − K⁻¹) ∂K/∂θ), summed over the lower triangle twice and the diagonal once.
        gradient.Clear();
        double diagonal = 0;
        for (int i = 0, p = 0; i < _count; i++)
        {
            diagonal += (alpha[i] * alpha[i]) - inverse[i, i];
            for (int j = 0; j < i; j++, p++)
            {
                double w = (alpha[i] * alpha[j]) - inverse[i, j];
                gradient[_dimension] -= w * gram[i, j];
                double slope = w * signal * Matern52Kernel.ShapeDerivative(r2[p]);
                for (int k = 0, offset = p * _dimension; k < _dimension; k++)
                {
                    gradient[k] -= slope * inverseSquared[k] * _differences[offset + k];
                }
            }
        }

        gradient[_dimension] -= 0.5 * diagonal * signal;
        gradient[_dimension + 1] -= 0.5 * diagonal * Exp(raw[_dimension + 1]);

        Span<double> prior = stackalloc double[gradient.Length];
        loss -= KernelPrior.LogDensity(h, raw, prior);
        for (int q = 0; q < gradient.Length; q++)
        {
            gradient[q] -= prior[q];
        }

        return loss;
    }

    private double ScaledDistance(int pair, double[] inverseSquared)
    {
        double r2 = 0;
        for (int k = 0, offset = pair * _dimension; k < _dimension; k++)
        {
            r2 += inverseSquared[k] * _differences[offset + k];
        }

        return r2;
    }

    private static double Exp(double raw) => Math.Exp(Math.Clamp(raw, -RawLimit, RawLimit));
}
