using Nomadic.Results;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// The "below" group of multi-objective TPE (MOTPE; Ozaki et al., "Multiobjective tree-structured Parzen estimator",
/// JAIR 2022), after Optuna 3.1's <c>_split_observation_pairs</c> and <c>_calculate_weights_below_for_multi_objective</c>:
/// whole fronts of the non-dominated sorting, best first, then the front that does not fit cut by greedy hypervolume
/// subset selection; each member weighted by the hypervolume only it contributes to the group.
/// </summary>
/// <remarks>
/// Runs without every objective's value (pruned runs, runs missing a metric) come after every comparable run, in the
/// history's ranking, and running configurations after them, as in single-objective TPE; such members of the group
/// weigh next to nothing, as Optuna weighs infeasible trials.
/// </remarks>
internal sealed class ParetoSelection
{
    private const double Epsilon = 1e-12;

    private readonly List<double[]> _vectors = [];
    private readonly List<int> _ids = [];

    /// <summary>Fills <paramref name="below"/> with the ids of the group, as many as it holds.</summary>
    /// <param name="history">The finished runs; ids from its count on are running configurations.</param>
    /// <param name="below">Receives the ids; at most the finished runs plus the running configurations.</param>
    public void Choose(ObservationHistory history, Span<int> below)
    {
        Comparable(history);
        int filled = 0;
        foreach (int[] front in NonDominatedSorting.LeadingFronts(_vectors, below.Length))
        {
            if (filled + front.Length <= below.Length)
            {
                foreach (int member in front)
                {
                    below[filled++] = _ids[member];
                }

                continue;
            }

            List<double[]> points = [.. front.Select(member => _vectors[member])];
            foreach (int picked in GreedyHypervolumeSubset.Select(points, below.Length - filled, ReferencePoint(points)))
            {
                below[filled++] = _ids[front[picked]];
            }
        }

        ReadOnlySpan<int> ranking = history.Ranking;
        for (int r = 0; r < ranking.Length && filled < below.Length; r++)
        {
            if (history.Vector(ranking[r]) is null)
            {
                below[filled++] = ranking[r];
            }
        }

        for (int id = history.Count; filled < below.Length; id++)
        {
            below[filled++] = id;
        }
    }

    /// <summary>
    /// Weighs the group's members by the hypervolume each alone contributes (plus 10⁻¹²), relative to the largest
    /// contribution; members without every objective's value weigh 10⁻¹².
    /// </summary>
    /// <param name="history">The finished runs.</param>
    /// <param name="below">The group's ids.</param>
    /// <param name="weights">Receives the weights, by id.</param>
    public void Weigh(ObservationHistory history, ReadOnlySpan<int> below, Span<double> weights)
    {
        _vectors.Clear();
        _ids.Clear();
        foreach (int id in below)
        {
            weights[id] = Epsilon;
            if (id < history.Count && history.Vector(id) is double[] vector)
            {
                _vectors.Add(vector);
                _ids.Add(id);
            }
        }

        if (_vectors.Count == 1)
        {
            weights[_ids[0]] = 1.0;
        }

        if (_vectors.Count < 2)
        {
            return;
        }

        double[] reference = ReferencePoint(_vectors);
        double whole = Hypervolume.Of(_vectors, reference);
        var contributions = new double[_vectors.Count];
        for (int i = 0; i < contributions.Length; i++)
        {
            contributions[i] = whole - Hypervolume.Of(_vectors.Where((_, j) => j != i), reference) + Epsilon;
        }

        // Rounding can leave equal points with a hair below zero; they then weigh alike.
        double largest = contributions.Max();
        for (int i = 0; i < contributions.Length; i++)
        {
            weights[_ids[i]] = largest > 0 ? Math.Clamp(contributions[i] / largest, 0, 1) : 1.0;
        }
    }

    /// <summary>Optuna's reference point for a group: each objective's worst value moved 10% further (10⁻¹² for 0).</summary>
    internal static double[] ReferencePoint(IReadOnlyList<double[]> points)
    {
        var reference = new double[points[0].Length];
        for (int m = 0; m < reference.Length; m++)
        {
            double worst = points.Max(p => p[m]);
            reference[m] = Math.Max(1.1 * worst, 0.9 * worst);
            reference[m] = reference[m] == 0 ? Epsilon : reference[m];
        }

        return reference;
    }

    private void Comparable(ObservationHistory history)
    {
        _vectors.Clear();
        _ids.Clear();
        for (int id = 0; id < history.Count; id++)
        {
            if (history.Vector(id) is double[] vector)
            {
                _vectors.Add(vector);
                _ids.Add(id);
            }
        }
    }
}
