namespace Nomadic.Results;

/// <summary>
/// The fast non-dominated sort and the crowding distance of NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A fast and
/// elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 2002), on vectors where lower is better.
/// </summary>
internal static class NonDominatedSorting
{
    /// <summary>Splits points into fronts: the first holds the non-dominated points, each next one those dominated only by earlier fronts.</summary>
    /// <param name="points">The objective vectors, all of one length.</param>
    /// <returns>The fronts, best first, each listing point indices in increasing order.</returns>
    public static List<int[]> Fronts(IReadOnlyList<double[]> points)
    {
        int n = points.Count;
        var dominated = new List<int>[n];
        var dominatedBy = new int[n];
        var current = new List<int>();
        for (int p = 0; p < n; p++)
        {
            dominated[p] = [];
            for (int q = 0; q < n; q++)
            {
                if (ParetoDominance.Dominates(points[p], points[q]))
                {
                    dominated[p].Add(q);
                }
                else if (ParetoDominance.Dominates(points[q], points[p]))
                {
                    dominatedBy[p]++;
                }
            }

            if (dominatedBy[p] == 0)
            {
                current.Add(p);
            }
        }

        var fronts = new List<int[]>();
        while (current.Count > 0)
        {
            fronts.Add([.. current]);
            var next = new List<int>();
            foreach (int p in current)
            {
                foreach (int q in dominated[p])
                {
                    if (--dominatedBy[q] == 0)
                    {
                        next.Add(q);
                    }
                }
            }

            next.Sort();
            current = next;
        }

        return fronts;
    }

    /// <summary>
    /// Returns the first fronts of <see cref="Fronts"/>, just enough to hold <paramref name="count"/> points (or all of
    /// them), peeled one at a time: O(n·f) per front of f points instead of O(n²) for the whole sort.
    /// </summary>
    /// <param name="points">The objective vectors, all of one length.</param>
    /// <param name="count">How many points the fronts must hold at least.</param>
    /// <returns>The fronts, best first, each listing point indices in increasing order.</returns>
    public static List<int[]> LeadingFronts(IReadOnlyList<double[]> points, int count)
    {
        var fronts = new List<int[]>();
        var remaining = new List<int>(Enumerable.Range(0, points.Count));
        var front = new List<int>();
        for (int covered = 0; covered < count && remaining.Count > 0; covered += front.Count)
        {
            // A point dominated by none kept so far joins and evicts those it dominates; a point it dominates cannot
            // dominate a kept one (dominance is transitive), so the survivors are exactly the non-dominated points.
            front.Clear();
            foreach (int p in remaining)
            {
                if (!front.Exists(q => ParetoDominance.Dominates(points[q], points[p])))
                {
                    front.RemoveAll(q => ParetoDominance.Dominates(points[p], points[q]));
                    front.Add(p);
                }
            }

            fronts.Add([.. front]);
            var members = new HashSet<int>(front);
            remaining.RemoveAll(members.Contains);
        }

        return fronts;
    }

    /// <summary>Returns the indices of the non-dominated points, in increasing order.</summary>
    /// <param name="points">The objective vectors, all of one length.</param>
    /// <returns>The first front.</returns>
    public static int[] FirstFront(IReadOnlyList<double[]> points)
    {
        var front = new List<int>();
        for (int p = 0; p < points.Count; p++)
        {
            bool dominated = false;
            for (int q = 0; q < points.Count && !dominated; q++)
            {
                dominated = ParetoDominance.Dominates(points[q], points[p]);
            }

            if (!dominated)
            {
                front.Add(p);
            }
        }

        return [.. front];
    }

    /// <summary>
    /// Computes the crowding distance of each member of a front: the sum over objectives of the normalized gap between
    /// its neighbours; the extremes of each objective get infinity.
    /// </summary>
    /// <param name="points">The objective vectors.</param>
    /// <param name="front">The indices of the front's members.</param>
    /// <returns>The distances, aligned with <paramref name="front"/>.</returns>
    public static double[] CrowdingDistances(IReadOnlyList<double[]> points, IReadOnlyList<int> front)
    {
        var distances = new double[front.Count];
        if (front.Count <= 2)
        {
            Array.Fill(distances, double.PositiveInfinity);
            return distances;
        }

        for (int m = 0; m < points[front[0]].Length; m++)
        {
            // A stable sort keeps ties in front order, so equal inputs give equal distances.
            int objective = m;
            int[] sorted = [.. Enumerable.Range(0, front.Count).OrderBy(i => points[front[i]][objective])];
            double low = points[front[sorted[0]]][m];
            double high = points[front[sorted[^1]]][m];
            distances[sorted[0]] = double.PositiveInfinity;
            distances[sorted[^1]] = double.PositiveInfinity;
            if (!(high > low))
            {
                continue;
            }

            for (int k = 1; k < sorted.Length - 1; k++)
            {
                distances[sorted[k]] += (points[front[sorted[k + 1]]][m] - points[front[sorted[k - 1]]][m]) / (high - low);
            }
        }

        return distances;
    }
}
