namespace Nomadic.Results;

/// <summary>
/// The hypervolume of a set of objective vectors where lower is better: the volume of the region they dominate below a
/// reference point, the usual measure of a Pareto front's quality.
/// </summary>
/// <remarks>
/// Two objectives are swept in O(n log n). Three or more use WFG (While, Bradstreet and Barone, "A fast way of
/// calculating exact hypervolumes", IEEE TEC 2012), exact in any dimension: the volume is the sum over the points,
/// sorted by the first objective, of each one's box less what the later points, limited to that box, already cover.
/// Points not strictly better than the reference in every objective add nothing.
/// </remarks>
internal static class Hypervolume
{
    /// <summary>Computes the hypervolume of points below a reference point.</summary>
    /// <param name="points">The objective vectors, all as long as <paramref name="reference"/>.</param>
    /// <param name="reference">The reference point.</param>
    /// <returns>The volume; zero when no point is below the reference point.</returns>
    public static double Of(IEnumerable<double[]> points, IReadOnlyList<double> reference)
    {
        double[] bound = [.. reference];
        List<double[]> inside = [.. points.Where(p => IsInside(p, bound))];
        return inside.Count == 0 ? 0 : bound.Length == 1 ? bound[0] - inside.Min(p => p[0]) : Volume(inside, bound);
    }

    private static bool IsInside(double[] point, double[] reference)
    {
        for (int i = 0; i < reference.Length; i++)
        {
            if (!(point[i] < reference[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Every point is inside the reference point's box; the list may be reordered.
    private static double Volume(List<double[]> points, double[] reference)
    {
        if (reference.Length == 2)
        {
            return Sweep(points, reference);
        }

        if (points.Count == 1)
        {
            return Box(points[0], reference);
        }

        points.Sort(static (a, b) => a[0].CompareTo(b[0]));
        double volume = 0;
        for (int i = 0; i < points.Count; i++)
        {
            volume += Box(points[i], reference);
            if (i + 1 < points.Count)
            {
                List<double[]> limited = Limit(points, i);
                volume -= limited.Count == 1 ? Box(limited[0], reference) : Volume(limited, reference);
            }
        }

        return volume;
    }

    // The points after `at`, each raised to `points[at]` where it is better, without the dominated ones or repeats.
    private static List<double[]> Limit(List<double[]> points, int at)
    {
        double[] corner = points[at];
        var limited = new List<double[]>(points.Count - at - 1);
        for (int j = at + 1; j < points.Count; j++)
        {
            double[] raised = new double[corner.Length];
            for (int m = 0; m < corner.Length; m++)
            {
                raised[m] = Math.Max(points[j][m], corner[m]);
            }

            if (limited.Exists(kept => WeaklyDominates(kept, raised)))
            {
                continue;
            }

            limited.RemoveAll(kept => WeaklyDominates(raised, kept));
            limited.Add(raised);
        }

        return limited;
    }

    private static bool WeaklyDominates(double[] a, double[] b)
    {
        for (int m = 0; m < a.Length; m++)
        {
            if (a[m] > b[m])
            {
                return false;
            }
        }

        return true;
    }

    // Two objectives: by the first ascending, each point adds the strip between it and the best second value so far.
    private static double Sweep(List<double[]> points, double[] reference)
    {
        points.Sort(static (a, b) => a[0] != b[0] ? a[0].CompareTo(b[0]) : a[1].CompareTo(b[1]));
        double area = 0;
        double ceiling = reference[1];
        foreach (double[] point in points)
        {
            if (point[1] < ceiling)
            {
                area += (reference[0] - point[0]) * (ceiling - point[1]);
                ceiling = point[1];
            }
        }

        return area;
    }

    private static double Box(double[] point, double[] reference)
    {
        double volume = 1;
        for (int m = 0; m < reference.Length; m++)
        {
            volume *= reference[m] - point[m];
        }

        return volume;
    }
}
