using Nomadic.Reports.Data;
using Nomadic.Results;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws <see cref="IntermediateValuesData"/>: one learning curve per run, pruned (crosses) and completed (dots) runs in two colours.</summary>
internal static class IntermediateValuesRenderer
{
    public static Plot Draw(IntermediateValuesData data, string title)
    {
        Plot plot = ChartStyle.Create(title, "step", "intermediate value");
        IntermediateValue[] values = [.. data.Curves.SelectMany(c => c.Values)];
        if (values.Length > 0)
        {
            ChartStyle.UseWholeNumberTicks(plot.Axes.Bottom, values.Min(v => v.Step), values.Max(v => v.Step));
        }

        var labelled = new HashSet<RunStatus>();
        foreach (RunCurve curve in data.Curves.OrderBy(c => c.Status == RunStatus.Completed))
        {
            Color color = curve.Status switch
            {
                RunStatus.Completed => ChartPalette.Blue,
                RunStatus.Pruned => ChartPalette.Vermillion,
                _ => ChartPalette.Grey,
            };
            var line = plot.Add.Scatter(curve.Values.Select(v => (double)v.Step).ToArray(), curve.Values.Select(v => v.Value).ToArray(), color.WithAlpha(0.8));
            line.LineWidth = 2;
            // Pruned runs differ by colour and by a cross marker, not by a dashed line: ScottPlot draws a line's
            // markers with the line's dash still set, which Skia's SVG canvas cannot express on a circle and
            // reports on the console ("Unsupported path effect in addPaint.") at every render.
            line.MarkerSize = curve.Status == RunStatus.Pruned ? 8 : 5;
            line.MarkerShape = curve.Status == RunStatus.Pruned ? MarkerShape.Eks : MarkerShape.FilledCircle;

            if (labelled.Add(curve.Status))
            {
                line.LegendText = curve.Status.ToString().ToLowerInvariant() + " runs";
            }
        }

        ChartStyle.ShowLegendAbove(plot);
        return plot;
    }
}
