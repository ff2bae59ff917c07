namespace Nomadic.Analysis;

/// <summary>Average ranks with ties (SciPy's <c>rankdata(method="average")</c>) and the tie term of rank-test variances.</summary>
internal static class Ranks
{
    /// <summary>Returns the 1-based ranks of <paramref name="values"/>, tied values sharing the mean of their ranks.</summary>
    public static double[] Average(IReadOnlyList<double> values, out double tieTerm, out bool hasTies)
    {
        int n = values.Count;
        int[] order = new int[n];
        double[] keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = values[i];
        }

        Array.Sort(keys, order);
        var ranks = new double[n];
        tieTerm = 0;
        hasTies = false;
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            double rank = (start + end + 1) / 2.0;
            for (int k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            double t = end - start;
            tieTerm += (t * t * t) - t;
            hasTies |= end - start > 1;
            start = end;
        }

        return ranks;
    }

    /// <summary>Throws when a sample holds NaN or an infinity, which have no rank meaning for these tests.</summary>
    public static void CheckFinite(IReadOnlyList<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"The sample holds {v}; rank tests need finite numbers.", paramName);
            }
        }
    }
}
