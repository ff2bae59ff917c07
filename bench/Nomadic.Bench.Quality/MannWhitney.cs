using MathNet.Numerics;

namespace Nomadic.Bench;

/// <summary>The Mann-Whitney U test of two independent samples, two-sided.</summary>
internal static class MannWhitney
{
    /// <summary>
    /// The two-sided p-value of the hypothesis that neither sample tends to be larger: normal approximation with the tie
    /// correction and a continuity correction (SciPy's <c>mannwhitneyu(..., method="asymptotic")</c>).
    /// </summary>
    public static double PValue(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n1 = a.Count;
        int n2 = b.Count;
        if (n1 == 0 || n2 == 0)
        {
            return double.NaN;
        }

        var all = a.Select(v => (Value: v, First: true)).Concat(b.Select(v => (Value: v, First: false))).OrderBy(x => x.Value).ToArray();
        double rankSumA = 0;
        double tieTerm = 0;
        for (int i = 0; i < all.Length;)
        {
            int j = i;
            while (j + 1 < all.Length && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            double rank = (i + j + 2) / 2.0;
            int ties = j - i + 1;
            tieTerm += ((double)ties * ties * ties) - ties;
            for (int k = i; k <= j; k++)
            {
                rankSumA += all[k].First ? rank : 0;
            }

            i = j + 1;
        }

        double u = rankSumA - (n1 * (n1 + 1) / 2.0);
        double n = n1 + n2;
        double mean = n1 * n2 / 2.0;
        double sd = Math.Sqrt(n1 * n2 / 12.0 * (n + 1 - (tieTerm / (n * (n - 1)))));
        if (sd == 0)
        {
            return 1.0;
        }

        double z = (Math.Abs(u - mean) - 0.5) / sd;
        return Math.Min(1.0, SpecialFunctions.Erfc(Math.Max(z, 0) / Math.Sqrt(2)));
    }
}
