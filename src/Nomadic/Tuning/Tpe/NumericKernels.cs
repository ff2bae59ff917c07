using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Normal kernels truncated to the unit interval: a centre and a width per kernel, each renormalized by the mass
/// Z it keeps inside the interval, as Optuna's truncated-normal kernels.
/// </summary>
internal abstract class NumericKernels : ParzenComponent
{
    private double[] _mu = [];
    private double[] _sigma = [];
    private double[] _invSigma = [];
    private double[] _logZ = [];

    /// <summary>Gets the kernel centres for the builder to fill.</summary>
    public Span<double> Mu => _mu.AsSpan(0, Count);

    /// <summary>Gets the kernel widths for the builder to fill.</summary>
    public Span<double> Sigma => _sigma.AsSpan(0, Count);

    protected ReadOnlySpan<Vector256<double>> MuVectors => Vectors(_mu);

    protected ReadOnlySpan<Vector256<double>> InvSigmaVectors => Vectors(_invSigma);

    protected ReadOnlySpan<Vector256<double>> LogZVectors => Vectors(_logZ);

    public override void Resize(int count)
    {
        base.Resize(count);
        Ensure(ref _mu, Padded);
        Ensure(ref _sigma, Padded);
        Ensure(ref _invSigma, Padded);
        Ensure(ref _logZ, Padded);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Prepare(ReadOnlySpan<double> weights, int priorIndex)
    {
        // Padding kernels are harmless ones: centred, full width, and of weight zero.
        _mu.AsSpan(Count, Padded - Count).Fill(0.5);
        _sigma.AsSpan(Count, Padded - Count).Fill(1.0);
        Span<Vector256<double>> invSigma = MemoryMarshal.Cast<double, Vector256<double>>(_invSigma.AsSpan(0, Padded));
        Span<Vector256<double>> logZ = MemoryMarshal.Cast<double, Vector256<double>>(_logZ.AsSpan(0, Padded));
        ReadOnlySpan<Vector256<double>> mu = MuVectors;
        ReadOnlySpan<Vector256<double>> sigma = Vectors(_sigma);
        for (int i = 0; i < invSigma.Length; i++)
        {
            Vector256<double> inv = Vector256<double>.One / sigma[i];
            Vector256<double> z = Vector256<double>.One - NormalMath.UpperTail(mu[i] * inv) - NormalMath.UpperTail((Vector256<double>.One - mu[i]) * inv);
            invSigma[i] = inv;
            logZ[i] = Vector256.Log(z);
        }

        PrepareDensities(weights);
    }

    public override double Sample(int kernel, System.Random random) =>
        NormalMath.SampleTruncated(_mu[kernel], _sigma[kernel], random);

    /// <summary>Precomputes the per-kernel constants of the density, once <see cref="InvSigmaVectors"/> and <see cref="LogZVectors"/> are set.</summary>
    protected abstract void PrepareDensities(ReadOnlySpan<double> weights);

    protected ReadOnlySpan<Vector256<double>> Vectors(double[] array) =>
        MemoryMarshal.Cast<double, Vector256<double>>(array.AsSpan(0, Padded));
}
