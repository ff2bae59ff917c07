using Nomadic.Reports.Data;
using Nomadic.Results;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws <see cref="ParetoData"/>: dominated runs in grey, the front highlighted and joined.</summary>
internal static class ParetoRenderer
{
    public static Plot Draw(ParetoData data, string title)
    {
        Plot plot = ChartStyle.Create(title, Label(data.XName, data.XDirection), Label(data.YName, data.YDirection));
        ParetoPoint[] dominated = [.. data.Points.Where(p => !p.OnFront)];
        ParetoPoint[] front = [.. data.Points.Where(p => p.OnFront).OrderBy(p => p.X).ThenBy(p => p.Y)];
        if (dominated.Length > 0)
        {
            var others = plot.Add.ScatterPoints(dominated.Select(p => p.X).ToArray(), dominated.Select(p => p.Y).ToArray(), ChartPalette.Grey);
            others.MarkerSize = ChartStyle.MarkerSize;
            others.LegendText = "dominated run";
        }

        if (front.Length > 0)
        {
            var line = plot.Add.Scatter(front.Select(p => p.X).ToArray(), front.Select(p => p.Y).ToArray(), ChartPalette.Vermillion);
            line.MarkerSize = 12;
            line.MarkerShape = MarkerShape.FilledDiamond;
            line.LineWidth = 2;
            line.LegendText = "Pareto front";
        }

        ChartStyle.ShowLegendAbove(plot);
        return plot;
    }

    private static string Label(string name, Direction direction) =>
        $"{name} ({(direction == Direction.Maximize ? "higher" : "lower")} is better)";
}
