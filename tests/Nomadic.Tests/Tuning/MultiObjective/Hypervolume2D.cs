namespace Nomadic.Tests.Tuning.MultiObjective;

/// <summary>The area two minimized objectives' points dominate below a reference point.</summary>
internal static class Hypervolume2D
{
    public static double Of(IEnumerable<(double X, double Y)> points, (double X, double Y) reference)
    {
        double area = 0;
        double ceiling = reference.Y;
        foreach ((double x, double y) in points.Where(p => p.X < reference.X && p.Y < reference.Y).OrderBy(p => p.X).ThenBy(p => p.Y))
        {
            if (y < ceiling)
            {
                area += (reference.X - x) * (ceiling - y);
                ceiling = y;
            }
        }

        return area;
    }
}
