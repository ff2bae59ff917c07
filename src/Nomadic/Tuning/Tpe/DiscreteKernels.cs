using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Truncated normal kernels of a quantized or integer parameter: the probability of a value is each kernel's mass over
/// the value's cell v ± q/2 (Optuna's discretized kernels), on the domain's linear or log scale.
/// </summary>
internal sealed class DiscreteKernels : NumericKernels
{
    // Only keeps the logarithm finite: a floor of 1e-12, as some Optuna versions add, would swamp the mass of a cell of
    // a domain with billions of values.
    private const double MinMass = 1e-300;

    // Candidates of a discrete parameter repeat; a joint density reuses each distinct value's kernel terms.
    private const int CacheSize = 24;

    private readonly NumericScale _scale;
    private readonly double[] _cachedPoints = new double[CacheSize];
    private readonly double[][] _cachedTerms = new double[CacheSize][];
    private double[] _weightOverZ = [];
    private int _cached;

    public DiscreteKernels(NumericScale scale)
    {
        _scale = scale;
        Array.Fill(_cachedTerms, []);
    }

    public override void Resize(int count)
    {
        base.Resize(count);
        Ensure(ref _weightOverZ, Padded);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double LogMixture(double x)
    {
        _scale.Cell(x, out double lower, out double upper);
        ReadOnlySpan<Vector256<double>> mu = MuVectors;
        ReadOnlySpan<Vector256<double>> invSigma = InvSigmaVectors;
        ReadOnlySpan<Vector256<double>> weightOverZ = Vectors(_weightOverZ);
        Vector256<double> a = Vector256.Create(lower);
        Vector256<double> b = Vector256.Create(upper);
        Vector256<double> sum = Vector256<double>.Zero;
        for (int i = 0; i < mu.Length; i++)
        {
            sum += weightOverZ[i] * NormalMath.IntervalMass((a - mu[i]) * invSigma[i], (b - mu[i]) * invSigma[i]);
        }

        return Math.Log(Math.Max(Vector256.Sum(sum), MinMass));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AddLogDensities(double x, Span<double> terms)
    {
        int found = _cachedPoints.AsSpan(0, _cached).IndexOf(x);
        if (found < 0 && _cached < CacheSize)
        {
            found = _cached++;
            _cachedPoints[found] = x;
            Ensure(ref _cachedTerms[found], Padded);
            ComputeLogDensities(x, _cachedTerms[found].AsSpan(0, Padded));
        }

        if (found < 0)
        {
            ComputeLogDensities(x, terms, add: true);
            return;
        }

        Span<Vector256<double>> target = MemoryMarshal.Cast<double, Vector256<double>>(terms);
        ReadOnlySpan<Vector256<double>> cached = MemoryMarshal.Cast<double, Vector256<double>>(_cachedTerms[found].AsSpan(0, Padded));
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += cached[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void PrepareDensities(ReadOnlySpan<double> weights)
    {
        _cached = 0;
        ReadOnlySpan<Vector256<double>> logZ = LogZVectors;
        ReadOnlySpan<Vector256<double>> weight = MemoryMarshal.Cast<double, Vector256<double>>(weights);
        Span<Vector256<double>> target = MemoryMarshal.Cast<double, Vector256<double>>(_weightOverZ.AsSpan(0, Padded));
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = weight[i] / Vector256.Exp(logZ[i]);
        }
    }

    // Writes (or adds) log pₖ(x) for every kernel: the log of its mass over x's cell, renormalized.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeLogDensities(double x, Span<double> terms, bool add = false)
    {
        _scale.Cell(x, out double lower, out double upper);
        Span<Vector256<double>> target = MemoryMarshal.Cast<double, Vector256<double>>(terms);
        ReadOnlySpan<Vector256<double>> mu = MuVectors;
        ReadOnlySpan<Vector256<double>> invSigma = InvSigmaVectors;
        ReadOnlySpan<Vector256<double>> logZ = LogZVectors;
        Vector256<double> a = Vector256.Create(lower);
        Vector256<double> b = Vector256.Create(upper);
        Vector256<double> floor = Vector256.Create(MinMass);
        for (int i = 0; i < target.Length; i++)
        {
            Vector256<double> mass = NormalMath.IntervalMass((a - mu[i]) * invSigma[i], (b - mu[i]) * invSigma[i]);
            Vector256<double> logDensity = Vector256.Log(Vector256.Max(mass, floor)) - logZ[i];
            target[i] = add ? target[i] + logDensity : logDensity;
        }
    }
}
