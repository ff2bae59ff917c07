using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nomadic.Tuning.Tpe;

/// <summary>The standard normal distribution: tails, quantiles, interval masses and truncated draws, in scalar and SIMD form.</summary>
internal static class NormalMath
{
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    // Cells narrower than this many standard deviations use the midpoint expansion: a difference of two tails loses
    // the mass of a narrow cell to the tails' error, the expansion's next term is below 1e-7 of the mass here.
    private const double NarrowCell = 0.1;

    // Vector256.Exp leaves its fast path below about -708 (results there are 0 or subnormal and ten times slower to
    // get); arguments are clamped here, where the term is negligible anyway.
    private const double ExpFloor = -700.0;

    // The Chebyshev fit of erfc from Numerical Recipes (erfcc), highest power first: erfc(x) = t·exp(P(t) − x²) with
    // t = 1/(1 + x/2), fractional error below 1.2e-7 everywhere, far tails included, and a single exponential.
    private static readonly double[] ErfcCoefficients =
        [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223];

    // Acklam's coefficients, highest power first.
    private static readonly double[] CentralNumerator =
        [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];

    private static readonly double[] CentralDenominator =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1.0];

    private static readonly double[] TailNumerator =
        [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];

    private static readonly double[] TailDenominator =
        [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1.0];

    /// <summary>Gets the upper tail Q(z) = P(Z &gt; z) = erfc(z/√2)/2 for z ≥ 0.</summary>
    public static double UpperTail(double z)
    {
        double x = z * InvSqrt2;
        double t = 1.0 / (1.0 + (0.5 * x));
        return 0.5 * t * Math.Exp(Horner(t, ErfcCoefficients) - (x * x));
    }

    /// <summary>Gets the upper tail Q(z) of four values z ≥ 0 at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> UpperTail(Vector256<double> z)
    {
        Vector256<double> x = z * InvSqrt2;
        Vector256<double> t = Vector256<double>.One / (Vector256<double>.One + (x * 0.5));
        Vector256<double> p = Vector256<double>.Zero;
        foreach (double c in ErfcCoefficients)
        {
            p = (p * t) + Vector256.Create(c);
        }

        return t * FastExp(p - (x * x)) * 0.5;
    }

    /// <summary>Gets the mass Φ(b) − Φ(a) of the interval [a, b] (a ≤ b) for four intervals at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IntervalMass(Vector256<double> a, Vector256<double> b)
    {
        Vector256<double> width = b - a;
        Vector256<double> narrow = Vector256.LessThan(width, Vector256.Create(NarrowCell));
        Vector256<double> midpointMass = Vector256<double>.Zero;
        Vector256<double> tailMass = Vector256<double>.Zero;
        if (Vector256.ExtractMostSignificantBits(narrow) != 0)
        {
            // The integral of φ over m ± w/2 is φ(m)·w·(1 + (m² − 1)·w²/24 + (m⁴ − 6m² + 3)·w⁴/1920 + …).
            Vector256<double> m = (a + b) * 0.5;
            Vector256<double> m2 = m * m;
            Vector256<double> w2 = width * width;
            Vector256<double> fourth = ((m2 * m2) - (m2 * 6.0) + Vector256.Create(3.0)) * w2 * w2 * (1.0 / 1920.0);
            Vector256<double> correction = Vector256<double>.One + ((m2 - Vector256<double>.One) * w2 * (1.0 / 24.0)) + fourth;
            midpointMass = FastExp(m2 * -0.5) * InvSqrt2Pi * width * correction;
        }

        if (Vector256.ExtractMostSignificantBits(narrow) != 0b1111)
        {
            // Differences of tails on the side the interval lies, so neither tail is a rounded 1.
            Vector256<double> qa = UpperTail(Vector256.Abs(a));
            Vector256<double> qb = UpperTail(Vector256.Abs(b));
            Vector256<double> straddle = Vector256<double>.One - qa - qb;
            Vector256<double> below = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(b, Vector256<double>.Zero), qb - qa, straddle);
            tailMass = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a, Vector256<double>.Zero), qa - qb, below);
        }

        return Vector256.Max(Vector256.ConditionalSelect(narrow, midpointMass, tailMass), Vector256<double>.Zero);
    }

    /// <summary>Gets the quantile Φ⁻¹(p).</summary>
    /// <remarks>Acklam's rational approximation, relative error below 1.2e-9: ample for drawing samples.</remarks>
    public static double InverseCdf(double p)
    {
        p = Math.Clamp(p, 1e-300, 1.0 - 1e-16);
        if (p < 0.02425 || p > 0.97575)
        {
            double q = Math.Sqrt(-2.0 * Math.Log(p < 0.5 ? p : 1.0 - p));
            double x = Horner(q, TailNumerator) / Horner(q, TailDenominator);
            return p < 0.5 ? x : -x;
        }

        double c = p - 0.5;
        double r = c * c;
        return c * Horner(r, CentralNumerator) / Horner(r, CentralDenominator);
    }

    /// <summary>Draws from a normal distribution truncated to [0, 1] whose mean lies in [0, 1], by inverting the CDF.</summary>
    /// <remarks>
    /// With the mean inside the interval, and the bandwidth never wider than it, the interval holds at least a third of
    /// the mass, so inversion is well conditioned; Optuna's <c>_truncnorm.rvs</c> inverts the CDF too.
    /// </remarks>
    public static double SampleTruncated(double mu, double sigma, System.Random random)
    {
        double lower = UpperTail(mu / sigma);
        double upper = 1.0 - UpperTail((1.0 - mu) / sigma);
        double p = lower + (random.NextDouble() * (upper - lower));
        return Math.Clamp(mu + (sigma * InverseCdf(p)), 0.0, 1.0);
    }

    /// <summary>Gets log Σ exp(vᵢ) without overflow; −∞ for an empty span or one of −∞ only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        ReadOnlySpan<Vector256<double>> vectors = MemoryMarshal.Cast<double, Vector256<double>>(values);
        Vector256<double> shift = Vector256.Create(max);
        Vector256<double> sum = Vector256<double>.Zero;
        foreach (Vector256<double> v in vectors)
        {
            sum += FastExp(v - shift);
        }

        double total = Vector256.Sum(sum);
        for (int i = vectors.Length * Vector256<double>.Count; i < values.Length; i++)
        {
            total += Math.Exp(values[i] - max);
        }

        return max + Math.Log(total);
    }

    /// <summary>Gets eˣ for four values, treating arguments below -700 as -700 (a term of 1e-304 instead of 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FastExp(Vector256<double> x) => Vector256.Exp(Vector256.Max(x, Vector256.Create(ExpFloor)));

    private static double Horner(double x, ReadOnlySpan<double> coefficients)
    {
        double result = 0;
        foreach (double c in coefficients)
        {
            result = (result * x) + c;
        }

        return result;
    }
}
