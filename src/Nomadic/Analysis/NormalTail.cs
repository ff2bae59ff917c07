using MathNet.Numerics;

namespace Nomadic.Analysis;

/// <summary>The upper tail of the standard normal distribution, accurate far into the tail (SciPy's <c>norm.sf</c>).</summary>
internal static class NormalTail
{
    /// <summary>Returns P(Z &gt; <paramref name="z"/>) for a standard normal Z; 1 at −∞, 0 at +∞, NaN for NaN.</summary>
    public static double Survival(double z) => double.IsNaN(z) ? double.NaN
        : double.IsNegativeInfinity(z) ? 1.0
        : double.IsPositiveInfinity(z) ? 0.0
        : 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2.0));
}
