using Nomadic.Results;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Greedy hypervolume subset selection, as Optuna's <c>_solve_hssp</c>: picks points one at a time, each time the one
/// adding the most hypervolume to those already picked, a (1 − 1/e)-approximation of the subset of that size with the
/// largest hypervolume (Guerreiro, Fonseca and Paquete, "Greedy hypervolume subset selection in low dimensions", 2016).
/// </summary>
/// <remarks>
/// A point's gain only shrinks as the subset grows (hypervolume is submodular), so a gain computed against a smaller
/// subset bounds it from above: the point with the largest bound is recomputed, and picked once its bound is current
/// ("lazy greedy", Minoux 1978). The picks are those of the plain greedy; ties go to the lower index, as in Optuna.
/// </remarks>
internal static class GreedyHypervolumeSubset
{
    /// <summary>Selects <paramref name="size"/> of the points.</summary>
    /// <param name="points">Objective vectors where lower is better, usually one front.</param>
    /// <param name="size">How many to select, at most the number of points.</param>
    /// <param name="reference">The reference point of the hypervolume, worse than every point.</param>
    /// <returns>The indices of the selected points, in the order they were picked.</returns>
    public static int[] Select(IReadOnlyList<double[]> points, int size, IReadOnlyList<double> reference)
    {
        int count = points.Count;
        var gains = new double[count];
        var current = new bool[count];
        var picked = new bool[count];
        for (int i = 0; i < count; i++)
        {
            gains[i] = Hypervolume.Of([points[i]], reference);
            current[i] = true;
        }

        var subset = new List<double[]>(size);
        var order = new int[size];
        double volume = 0;
        for (int k = 0; k < size; k++)
        {
            int best;
            while (!current[best = Largest(gains, picked)])
            {
                subset.Add(points[best]);
                gains[best] = Hypervolume.Of(subset, reference) - volume;
                subset.RemoveAt(subset.Count - 1);
                current[best] = true;
            }

            order[k] = best;
            picked[best] = true;
            subset.Add(points[best]);
            volume = Hypervolume.Of(subset, reference);
            Array.Clear(current);
        }

        return order;
    }

    private static int Largest(double[] gains, bool[] picked)
    {
        int best = -1;
        for (int i = 0; i < gains.Length; i++)
        {
            if (!picked[i] && (best < 0 || gains[i] > gains[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
