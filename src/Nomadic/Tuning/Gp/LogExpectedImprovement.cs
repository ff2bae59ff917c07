using MathNet.Numerics;

namespace Nomadic.Tuning.Gp;

/// <summary>
/// The logarithm of expected improvement, computed without underflow far from the incumbent, following Ament et al.
/// (2023), "Unexpected Improvements to Expected Improvement for Bayesian Optimization", eq. (9).
/// </summary>
internal static class LogExpectedImprovement
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double SqrtPi = Math.Sqrt(Math.PI);
    private static readonly double InverseSqrtTwoPi = 1 / Math.Sqrt(2 * Math.PI);

    /// <summary>Computes log E[max(0, Y − best)] for Y ~ N(mean, variance), and its derivatives.</summary>
    /// <param name="mean">The posterior mean.</param>
    /// <param name="variance">The posterior variance, positive.</param>
    /// <param name="best">The improvement threshold.</param>
    /// <param name="dMean">The derivative of the result with respect to the mean.</param>
    /// <param name="dVariance">The derivative of the result with respect to the variance.</param>
    /// <returns>The log expected improvement: finite for any finite input.</returns>
    public static double Value(double mean, double variance, double best, out double dMean, out double dVariance)
    {
        double sigma = Math.Sqrt(variance);
        double z = (mean - best) / sigma;
        double slope = LogHDerivative(z);
        dMean = slope / sigma;
        dVariance = (1 - (z * slope)) / (2 * variance);
        return Math.Log(sigma) + LogH(z);
    }

    /// <summary>Computes log h(z) = log(φ(z) + z Φ(z)), the log expected improvement of a standard normal over −z.</summary>
    /// <param name="z">The standardized improvement.</param>
    /// <returns>The logarithm; about −z²/2 − 2 log|z| far in the lower tail, never −∞.</returns>
    public static double LogH(double z)
    {
        if (z > -1)
        {
            return Math.Log(Phi(z) + (z * Cdf(z)));
        }

        // h(z) = φ(z)(1 − S) with S = x√π erfcx(x), x = −z/√2: the factor φ(z) is taken out in log space and 1 − S,
        // which tends to 1/z², is computed without cancellation.
        return (-0.5 * z * z) - HalfLogTwoPi + Math.Log(OneMinusS(-z / Math.Sqrt(2)));
    }

    /// <summary>Computes d log h / dz = Φ(z) / h(z).</summary>
    /// <param name="z">The standardized improvement.</param>
    /// <returns>The derivative, positive; about |z| far in the lower tail.</returns>
    public static double LogHDerivative(double z)
    {
        if (z > -1)
        {
            double cdf = Cdf(z);
            return cdf / (Phi(z) + (z * cdf));
        }

        double oneMinusS = OneMinusS(-z / Math.Sqrt(2));
        return (1 - oneMinusS) / (-z * oneMinusS);
    }

    /// <summary>Computes the scaled complementary error function erfcx(x) = exp(x²) erfc(x) for x ≥ 0.</summary>
    /// <param name="x">A non-negative number.</param>
    /// <returns>erfcx(x), about 1/(x√π) for large x.</returns>
    public static double Erfcx(double x) => x < 7 ? Math.Exp(x * x) * SpecialFunctions.Erfc(x) : (1 - OneMinusS(x)) / (x * SqrtPi);

    // 1 − x√π erfcx(x) for x ≥ 1/√2. Below 7 the direct form loses at most x⁴ε relative accuracy; above, the asymptotic
    // series Σ_{n≥1} (−1)^{n+1} (2n−1)!! / (2x²)^n has shrinking terms up to n ≈ x² and twenty of them reach ε.
    private static double OneMinusS(double x)
    {
        if (x < 7)
        {
            return 1 - (x * SqrtPi * Math.Exp(x * x) * SpecialFunctions.Erfc(x));
        }

        double t = 1 / (2 * x * x);
        double term = t;
        double sum = t;
        for (int n = 2; n <= 20; n++)
        {
            term *= -(2 * n - 1) * t;
            sum += term;
        }

        return sum;
    }

    private static double Phi(double z) => Math.Exp(-0.5 * z * z) * InverseSqrtTwoPi;

    private static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
