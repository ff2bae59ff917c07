using Nomadic.Reports.Data;
using Nomadic.Results;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws <see cref="HistoryData"/>: each run's score in run order and the best score so far as a step line.</summary>
internal static class HistoryRenderer
{
    public static Plot Draw(HistoryData data, string title)
    {
        Plot plot = ChartStyle.Create(title, "run", data.Direction == Direction.Maximize ? "score (higher is better)" : "score (lower is better)");
        if (data.Points.Count > 0)
        {
            ChartStyle.UseWholeNumberTicks(plot.Axes.Bottom, data.Points.Min(p => p.RunNumber), data.Points.Max(p => p.RunNumber));
        }

        AddPoints(plot, [.. data.Points.Where(p => p.Status == RunStatus.Completed && !p.IsBaseline)], ChartPalette.Blue, MarkerShape.FilledCircle, "completed run");
        AddPoints(plot, [.. data.Points.Where(p => p.Status == RunStatus.Pruned)], ChartPalette.Grey, MarkerShape.Eks, "pruned run");
        AddPoints(plot, [.. data.Points.Where(p => p.IsBaseline && p.Status == RunStatus.Completed)], ChartPalette.Vermillion, MarkerShape.FilledDiamond, "baseline");

        HistoryPoint[] best = [.. data.Points.Where(p => !double.IsNaN(p.BestSoFar))];
        if (best.Length > 0)
        {
            var line = plot.Add.ScatterLine(best.Select(p => (double)p.RunNumber).ToArray(), best.Select(p => p.BestSoFar).ToArray(), ChartPalette.Orange);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 3;
            line.LegendText = "best so far";
        }

        ChartStyle.ShowLegendAbove(plot);
        return plot;
    }

    private static void AddPoints(Plot plot, HistoryPoint[] points, Color color, MarkerShape shape, string label)
    {
        if (points.Length == 0)
        {
            return;
        }

        var scatter = plot.Add.ScatterPoints(points.Select(p => (double)p.RunNumber).ToArray(), points.Select(p => p.Score).ToArray(), color);
        scatter.MarkerShape = shape;
        scatter.MarkerSize = shape == MarkerShape.FilledDiamond ? 14 : ChartStyle.MarkerSize;
        scatter.LegendText = label;
    }
}
