using System.Numerics;

namespace Nomadic.Analysis;

/// <summary>The exact null distribution of the Mann–Whitney U statistic, counted with integers.</summary>
/// <remarks>
/// The number of arrangements with U = k is the coefficient of q^k in the Gaussian binomial coefficient
/// [m + n choose m]_q = ∏ᵢ₌₁..ₘ (1 − q^(n+i)) / (1 − q^i). Both steps of each factor only read lower coefficients,
/// so the polynomial is kept up to the largest k needed; big integers make the counts and the final ratio exact.
/// </remarks>
internal static class MannWhitneyExact
{
    /// <summary>Returns P(U ≤ <paramref name="k"/>) for samples of sizes <paramref name="n1"/> and <paramref name="n2"/>.</summary>
    public static double Cdf(long k, int n1, int n2)
    {
        if (k < 0)
        {
            return 0.0;
        }

        int m = Math.Min(n1, n2);
        int n = Math.Max(n1, n2);
        if (k >= (long)m * n)
        {
            return 1.0;
        }

        var counts = new BigInteger[k + 1];
        counts[0] = BigInteger.One;
        for (int i = 1; i <= m; i++)
        {
            int shift = n + i;
            for (long j = k; j >= shift; j--)
            {
                counts[j] -= counts[j - shift];
            }

            for (long j = i; j <= k; j++)
            {
                counts[j] += counts[j - i];
            }
        }

        BigInteger total = BigInteger.Zero;
        foreach (BigInteger c in counts)
        {
            total += c;
        }

        return Ratio(total, Binomial(n + m, m));
    }

    private static BigInteger Binomial(int n, int k)
    {
        BigInteger result = BigInteger.One;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    /// <summary>Converts a ratio of big integers to the nearest double, without overflow for huge operands.</summary>
    internal static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        long shift = 64 + (long)denominator.GetBitLength() - (long)numerator.GetBitLength();
        BigInteger scaled = shift >= 0 ? (numerator << (int)shift) / denominator : numerator / (denominator << (int)-shift);
        return Math.ScaleB((double)scaled, (int)-shift);
    }
}
