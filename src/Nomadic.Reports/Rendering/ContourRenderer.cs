using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws <see cref="ContourData"/>: the interpolated surface with contour lines and the runs it came from.</summary>
internal static class ContourRenderer
{
    public static Plot Draw(ContourData data, string title)
    {
        Plot plot = ChartStyle.Create(title, ChartStyle.AxisTitle(data.X), ChartStyle.AxisTitle(data.Y));
        ChartStyle.UseParameterTicks(plot.Axes.Bottom, data.X);
        ChartStyle.UseParameterTicks(plot.Axes.Left, data.Y);
        double[] xs = [.. data.XGrid.Select(v => ChartStyle.Coordinate(data.X, v))];
        double[] ys = [.. data.YGrid.Select(v => ChartStyle.Coordinate(data.Y, v))];
        double[,] values = data.Scores.ToArray();
        if (data.Observed.Count == 0)
        {
            return plot;
        }

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = ChartPalette.Continuous;
        heatmap.FlipVertically = true;
        double halfX = (xs[^1] - xs[0]) / (xs.Length - 1) / 2, halfY = (ys[^1] - ys[0]) / (ys.Length - 1) / 2;
        // ScottPlot places the outer cells' centres on the extent's edges.
        heatmap.Extent = new CoordinateRect(xs[0], xs[^1], ys[0], ys[^1]);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "score";
        bar.LabelStyle.FontSize = ChartStyle.TickSize;

        if (data.Observed.Count >= 3 && values.Cast<double>().Where(double.IsFinite).Distinct().Skip(1).Any())
        {
            var points = new Coordinates3d[ys.Length, xs.Length];
            for (int row = 0; row < ys.Length; row++)
            {
                for (int column = 0; column < xs.Length; column++)
                {
                    points[row, column] = new Coordinates3d(xs[column], ys[row], values[row, column]);
                }
            }

            var contours = plot.Add.ContourLines(points, 6);
            contours.LabelStyle.IsVisible = false;
            contours.LineColor = Colors.White.WithAlpha(0.8);
            contours.LineWidth = 1.5f;
        }

        var observed = plot.Add.ScatterPoints(
            data.Observed.Select(p => ChartStyle.Coordinate(data.X, p.X)).ToArray(),
            data.Observed.Select(p => ChartStyle.Coordinate(data.Y, p.Y)).ToArray(),
            Colors.Black);
        observed.MarkerSize = 7;
        observed.LegendText = "run";
        ChartStyle.ShowLegendAbove(plot);
        plot.Axes.SetLimits(xs[0] - halfX, xs[^1] + halfX, ys[0] - halfY, ys[^1] + halfY);
        return plot;
    }
}
