using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nomadic.Tuning.Tpe;

/// <summary>Truncated normal kernels of a continuous parameter: densities at points.</summary>
/// <remarks>
/// As in Optuna 3.1, a kernel is evaluated as φ(z)/Z without the 1/σ of a normalized density, which amounts to weighting
/// each kernel by its width too: wide kernels (the prior, observations in sparse regions) count for more, which keeps
/// l(x)/g(x) exploring. Optuna's later versions normalize; on the built-in benchmark functions that raises the median
/// regret after 100 runs by a factor of 1.3 to 1.8, while this form reproduces Optuna 3.1's results.
/// </remarks>
internal sealed class ContinuousKernels : NumericKernels
{
    private const double LogSqrt2Pi = 0.91893853320467274178;

    // Below this the sum is made of clamped exponentials and says nothing; the exact form takes over.
    private const double MinSum = 1e-250;

    private double[] _logNorm = [];
    private double[] _logCoefficient = [];
    private double _maxLogCoefficient;

    public override void Resize(int count)
    {
        base.Resize(count);
        Ensure(ref _logNorm, Padded);
        Ensure(ref _logCoefficient, Padded);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double LogMixture(double x)
    {
        // Shifting every term by the largest coefficient bounds each exponential by 1; the sum underflows only when x
        // is tens of widths from every kernel, which the prior prevents, and then the exact form takes over.
        ReadOnlySpan<Vector256<double>> mu = MuVectors;
        ReadOnlySpan<Vector256<double>> invSigma = InvSigmaVectors;
        ReadOnlySpan<Vector256<double>> coefficient = Vectors(_logCoefficient);
        Vector256<double> point = Vector256.Create(x);
        Vector256<double> sum = Vector256<double>.Zero;
        for (int i = 0; i < mu.Length; i++)
        {
            Vector256<double> z = (point - mu[i]) * invSigma[i];
            sum += NormalMath.FastExp(coefficient[i] - (z * z * 0.5));
        }

        double total = Vector256.Sum(sum);
        return total > MinSum ? _maxLogCoefficient + Math.Log(total) : ExactLogMixture(x);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddLogDensities(double x, Span<double> terms)
    {
        Span<Vector256<double>> target = MemoryMarshal.Cast<double, Vector256<double>>(terms);
        ReadOnlySpan<Vector256<double>> mu = MuVectors;
        ReadOnlySpan<Vector256<double>> invSigma = InvSigmaVectors;
        ReadOnlySpan<Vector256<double>> logNorm = Vectors(_logNorm);
        Vector256<double> point = Vector256.Create(x);
        for (int i = 0; i < target.Length; i++)
        {
            Vector256<double> z = (point - mu[i]) * invSigma[i];
            target[i] += logNorm[i] - (z * z * 0.5);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void PrepareDensities(ReadOnlySpan<double> weights)
    {
        ReadOnlySpan<Vector256<double>> logZ = LogZVectors;
        ReadOnlySpan<Vector256<double>> weight = MemoryMarshal.Cast<double, Vector256<double>>(weights);
        Span<Vector256<double>> logNorm = MemoryMarshal.Cast<double, Vector256<double>>(_logNorm.AsSpan(0, Padded));
        Span<Vector256<double>> coefficient = MemoryMarshal.Cast<double, Vector256<double>>(_logCoefficient.AsSpan(0, Padded));
        Vector256<double> max = Vector256.Create(double.NegativeInfinity);
        for (int i = 0; i < logNorm.Length; i++)
        {
            logNorm[i] = Vector256.Create(-LogSqrt2Pi) - logZ[i];
            coefficient[i] = Vector256.Log(weight[i]) + logNorm[i];
            max = Vector256.Max(max, coefficient[i]);
        }

        _maxLogCoefficient = Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3]));
        Vector256<double> shift = Vector256.Create(_maxLogCoefficient);
        for (int i = 0; i < coefficient.Length; i++)
        {
            coefficient[i] -= shift;
        }
    }

    private double ExactLogMixture(double x)
    {
        var terms = new double[Count];
        for (int k = 0; k < terms.Length; k++)
        {
            double z = (x - Mu[k]) / Sigma[k];
            terms[k] = _logCoefficient[k] - (0.5 * z * z);
        }

        return _maxLogCoefficient + NormalMath.LogSumExp(terms);
    }
}
