using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>
/// Draws <see cref="ParameterScoresData"/>: a box per category (its run count under its name on the axis, outliers as
/// open circles), or a scatter of score against a numeric value. The only legend entry, the baseline, sits above the
/// data area.
/// </summary>
internal static class ParameterScoresRenderer
{
    public static Plot Draw(ParameterScoresData data, string title)
    {
        Plot plot = ChartStyle.Create(title, ChartStyle.AxisTitle(data.Axis), "score");
        ChartStyle.UseParameterTicks(plot.Axes.Bottom, data.Axis);
        if (data.Axis.IsNumeric)
        {
            DrawPoints(plot, data, ChartPalette.Blue);
        }
        else
        {
            DrawBoxes(plot, data);
        }

        DrawBaseline(plot, data);
        return plot;
    }

    private static void DrawPoints(Plot plot, ParameterScoresData data, Color color)
    {
        ParameterPoint[] points = [.. data.Points.Where(p => !p.IsBaseline)];
        if (points.Length > 0)
        {
            var scatter = plot.Add.ScatterPoints(points.Select(p => ChartStyle.Coordinate(data.Axis, p.Value)).ToArray(), points.Select(p => p.Score).ToArray(), color);
            scatter.MarkerSize = ChartStyle.MarkerSize;
        }
    }

    private static void DrawBoxes(Plot plot, ParameterScoresData data)
    {
        // The axis names each box, so the run counts go there rather than into a legend over the data.
        ChartStyle.UseCategoryTicks(plot.Axes.Bottom, [.. data.Categories.Select(c => $"{c.Label} (n={c.Scores.Count})")]);
        for (int i = 0; i < data.Categories.Count; i++)
        {
            if (data.Categories[i].Box is not BoxSummary summary)
            {
                continue;
            }

            var box = new Box
            {
                Position = i,
                BoxMin = summary.Q1,
                BoxMax = summary.Q3,
                BoxMiddle = summary.Median,
                WhiskerMin = summary.LowerWhisker,
                WhiskerMax = summary.UpperWhisker,
                Width = 0.6,
                FillColor = ChartPalette.Category(i).WithAlpha(0.75),
                LineColor = Colors.Black,
                LineWidth = 1.5f,
            };
            plot.Add.Box(box);
            DrawOutliers(plot, i, summary, data.Categories[i].Scores);
        }

        plot.Axes.SetLimitsX(-0.6, data.Axis.Categories.Count - 0.4);
    }

    private static void DrawOutliers(Plot plot, int position, BoxSummary summary, IReadOnlyList<double> scores)
    {
        double[] outliers = [.. scores.Where(s => s < summary.LowerWhisker || s > summary.UpperWhisker)];
        if (outliers.Length > 0)
        {
            var points = plot.Add.ScatterPoints([.. outliers.Select(_ => (double)position)], outliers, Colors.Black);
            points.MarkerShape = MarkerShape.OpenCircle;
            points.MarkerSize = ChartStyle.MarkerSize;
        }
    }

    private static void DrawBaseline(Plot plot, ParameterScoresData data)
    {
        foreach (ParameterPoint baseline in data.Points.Where(p => p.IsBaseline))
        {
            var marker = plot.Add.Marker(ChartStyle.Coordinate(data.Axis, baseline.Value), baseline.Score, MarkerShape.FilledDiamond, 14, ChartPalette.Vermillion);
            marker.LegendText = "baseline";
        }

        ChartStyle.ShowLegendAbove(plot);
    }
}
