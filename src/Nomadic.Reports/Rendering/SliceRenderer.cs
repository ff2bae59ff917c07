using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws a slice plot: score against one parameter, each run coloured by when it ran (viridis, dark first).</summary>
internal static class SliceRenderer
{
    public static Plot Draw(ParameterScoresData data, string title)
    {
        Plot plot = ChartStyle.Create(title, ChartStyle.AxisTitle(data.Axis) + " (colour: run order, dark = early)", "score");
        ChartStyle.UseParameterTicks(plot.Axes.Bottom, data.Axis);
        if (data.Points.Count == 0)
        {
            return plot;
        }

        double first = data.Points.Min(p => p.RunNumber), last = data.Points.Max(p => p.RunNumber);
        foreach (ParameterPoint point in data.Points)
        {
            // Categories are spread a little sideways so runs with the same value stay visible.
            double jitter = data.Axis.IsNumeric ? 0 : (((point.RunNumber * 0.618034) % 1.0) - 0.5) * 0.3;
            plot.Add.Marker(ChartStyle.Coordinate(data.Axis, point.Value) + jitter, point.Score, MarkerShape.FilledCircle, ChartStyle.MarkerSize, ChartPalette.Scaled(point.RunNumber, first, last));
        }

        if (!data.Axis.IsNumeric)
        {
            plot.Axes.SetLimitsX(-0.6, data.Axis.Categories.Count - 0.4);
        }

        return plot;
    }
}
