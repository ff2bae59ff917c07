namespace Nomadic.Results;

/// <summary>Pareto dominance between objective vectors where lower is better in every coordinate.</summary>
internal static class ParetoDominance
{
    /// <summary>Tells whether <paramref name="a"/> dominates <paramref name="b"/>: no worse in any coordinate and better in one.</summary>
    /// <param name="a">A vector.</param>
    /// <param name="b">A vector of the same length.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> dominates <paramref name="b"/>.</returns>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        bool better = false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }

            better |= a[i] < b[i];
        }

        return better;
    }
}
