namespace Nomadic.Tuning.Tpe;

/// <summary>
/// One parameter's side of a Parzen estimator: a kernel per observation (and the prior), all sharing the estimator's
/// mixture weights.
/// </summary>
/// <remarks>
/// Arrays are padded to a multiple of four kernels with kernels of no weight, so every loop over kernels runs on
/// whole SIMD vectors. Buffers grow and are reused from one suggestion to the next. The loops are compiled fully
/// optimized from their first call (<see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>):
/// each runs only a few dozen times per suggestion, so tiered compilation would leave their SIMD code unoptimized for
/// the first hundreds of suggestions, several times slower.
/// </remarks>
internal abstract class ParzenComponent
{
    /// <summary>Creates the empty component of a parameter.</summary>
    public static ParzenComponent For(TpeScale scale, double priorWeight) => scale switch
    {
        CategoricalScale categorical => new CategoricalKernels(categorical.Count, priorWeight),
        NumericScale { IsDiscrete: true } discrete => new DiscreteKernels(discrete),
        _ => new ContinuousKernels(),
    };

    /// <summary>Gets the number of kernels.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the number of kernels rounded up to whole vectors.</summary>
    public int Padded => (Count + 3) & ~3;

    /// <summary>Sets the number of kernels; the builder then fills each kernel's centre (and width) before <see cref="Prepare"/>.</summary>
    public virtual void Resize(int count) => Count = count;

    /// <summary>Precomputes what evaluation needs, once the kernels and the normalized weights are known.</summary>
    /// <param name="weights">The mixture weights, padded with zeros.</param>
    /// <param name="priorIndex">The prior's kernel, or -1 when the prior is not considered.</param>
    public abstract void Prepare(ReadOnlySpan<double> weights, int priorIndex);

    /// <summary>Draws a model coordinate from one kernel.</summary>
    public abstract double Sample(int kernel, System.Random random);

    /// <summary>Gets log Σₖ wₖ pₖ(x): the estimator's log density when it models this parameter alone.</summary>
    public abstract double LogMixture(double x);

    /// <summary>Adds log pₖ(x) to each kernel's term, for a joint density over several parameters.</summary>
    /// <param name="x">The model coordinate.</param>
    /// <param name="terms">One term per kernel, padded.</param>
    public abstract void AddLogDensities(double x, Span<double> terms);

    /// <summary>Grows an array to hold at least <paramref name="length"/> items.</summary>
    protected static void Ensure(ref double[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(length, array.Length * 2));
        }
    }
}
