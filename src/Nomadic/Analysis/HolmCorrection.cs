namespace Nomadic.Analysis;

/// <summary>
/// Holm's step-down correction of p-values for multiple comparisons (Holm, "A simple sequentially rejective multiple
/// test procedure", Scandinavian Journal of Statistics 1979), as <c>statsmodels.stats.multitest.multipletests(p, method="holm")</c>.
/// </summary>
/// <remarks>
/// It controls the family-wise error rate: rejecting every hypothesis whose adjusted p-value is at most α keeps the
/// probability of any false rejection at most α, under any dependence between the tests.
/// </remarks>
internal static class HolmCorrection
{
    /// <summary>Adjusts p-values: the i-th smallest of m becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).</summary>
    /// <param name="pValues">The p-values, in [0, 1]; NaN stands for a comparison that was not made and stays NaN.</param>
    /// <returns>The adjusted p-values, aligned with <paramref name="pValues"/>; m counts only the non-NaN values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pValues"/> is null.</exception>
    /// <exception cref="ArgumentException">A p-value is outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var adjusted = new double[pValues.Count];
        var present = new List<int>();
        for (int i = 0; i < pValues.Count; i++)
        {
            double p = pValues[i];
            if (!double.IsNaN(p) && p is < 0 or > 1)
            {
                throw new ArgumentException($"P-value {i} is {p}, outside [0, 1].", nameof(pValues));
            }

            adjusted[i] = double.NaN;
            if (!double.IsNaN(p))
            {
                present.Add(i);
            }
        }

        int[] order = [.. present.OrderBy(i => pValues[i])];
        double running = 0;
        for (int rank = 0; rank < order.Length; rank++)
        {
            running = Math.Max(running, Math.Min(1.0, (order.Length - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
