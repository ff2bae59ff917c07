using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws <see cref="ScoreDistributionData"/>: a histogram, its density curve and the baseline's score.</summary>
internal static class DistributionRenderer
{
    public static Plot Draw(ScoreDistributionData data, string title)
    {
        Plot plot = ChartStyle.Create(title, "score", "runs");
        ChartStyle.UseWholeNumberTicks(plot.Axes.Left, 0, double.PositiveInfinity);
        if (data.Bins.Count > 0)
        {
            Bar[] bars = [.. data.Bins.Select(b => new Bar
            {
                Position = (b.Low + b.High) / 2,
                Value = b.Count,
                Size = (b.High - b.Low) * 0.95,
                FillColor = ChartPalette.SkyBlue,
                LineWidth = 0,
            })];
            var histogram = plot.Add.Bars(bars);
            histogram.LegendText = "runs per bin";
        }

        if (data.Density.Count > 0)
        {
            var density = plot.Add.ScatterLine(data.Density.Select(p => p.X).ToArray(), data.Density.Select(p => p.Y).ToArray(), ChartPalette.Blue);
            density.LineWidth = 3;
            density.LegendText = "density";
        }

        if (data.BaselineScore is double baseline)
        {
            var line = plot.Add.VerticalLine(baseline, 3, ChartPalette.Vermillion, LinePattern.Dashed);
            line.LegendText = "baseline";
        }

        plot.Axes.Margins(bottom: 0);
        // Above the data area: inside, it would cover the highest bins, the best scores among them.
        ChartStyle.ShowLegendAbove(plot);
        return plot;
    }
}
