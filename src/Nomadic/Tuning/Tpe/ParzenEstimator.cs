using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// A weighted mixture of kernels over one or more parameters (a product kernel per observation), as Optuna's
/// <c>_ParzenEstimator</c>: one per parameter and group in independent TPE, one per group in multivariate TPE.
/// </summary>
internal sealed class ParzenEstimator
{
    private double[] _rawWeights = [];
    private double[] _weights = [];
    private double[] _logWeights = [];
    private double[] _cumulative = [];
    private double[] _terms = [];

    public ParzenEstimator(ParzenComponent[] components)
    {
        Components = components;
    }

    /// <summary>Gets the components, one per parameter.</summary>
    public ParzenComponent[] Components { get; }

    /// <summary>Gets the number of kernels.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the unnormalized weights the builder fills, one per kernel.</summary>
    public Span<double> RawWeights => _rawWeights.AsSpan(0, Count);

    /// <summary>Sets the number of kernels of the estimator and of its components.</summary>
    public void Resize(int count)
    {
        Count = count;
        int padded = (count + 3) & ~3;
        if (_rawWeights.Length < padded)
        {
            int capacity = Math.Max(padded, _rawWeights.Length * 2);
            _rawWeights = new double[capacity];
            _weights = new double[capacity];
            _logWeights = new double[capacity];
            _cumulative = new double[capacity];
            _terms = new double[capacity];
        }

        foreach (ParzenComponent component in Components)
        {
            component.Resize(count);
        }
    }

    /// <summary>Normalizes the weights and prepares the components.</summary>
    /// <param name="priorIndex">The prior's kernel, or -1 when the prior is not considered.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Complete(int priorIndex)
    {
        int padded = (Count + 3) & ~3;
        double sum = 0;
        foreach (double weight in RawWeights)
        {
            sum += weight;
        }

        if (!(sum > 0))
        {
            throw new InvalidOperationException("TpeOptions.Weights gave every observation of a group a weight of zero.");
        }

        double cumulative = 0;
        for (int k = 0; k < padded; k++)
        {
            double weight = k < Count ? _rawWeights[k] / sum : 0.0;
            _weights[k] = weight;
            _cumulative[k] = cumulative += weight;
        }

        Span<Vector256<double>> logWeights = MemoryMarshal.Cast<double, Vector256<double>>(_logWeights.AsSpan(0, padded));
        ReadOnlySpan<Vector256<double>> weights = MemoryMarshal.Cast<double, Vector256<double>>(_weights.AsSpan(0, padded));
        for (int i = 0; i < logWeights.Length; i++)
        {
            logWeights[i] = Vector256.Log(weights[i]);
        }

        foreach (ParzenComponent component in Components)
        {
            component.Prepare(_weights.AsSpan(0, padded), priorIndex);
        }
    }

    /// <summary>Draws a kernel with probability its weight.</summary>
    public int SampleKernel(System.Random random)
    {
        int found = _cumulative.AsSpan(0, Count).BinarySearch(random.NextDouble());
        return Math.Min(found >= 0 ? found + 1 : ~found, Count - 1);
    }

    /// <summary>Gets the log density of a point, one model coordinate per component.</summary>
    public double LogPdf(ReadOnlySpan<double> point)
    {
        if (Components.Length == 1)
        {
            return Components[0].LogMixture(point[0]);
        }

        Span<double> terms = _terms.AsSpan(0, (Count + 3) & ~3);
        _logWeights.AsSpan(0, terms.Length).CopyTo(terms);
        for (int p = 0; p < Components.Length; p++)
        {
            Components[p].AddLogDensities(point[p], terms);
        }

        return NormalMath.LogSumExp(terms);
    }
}
