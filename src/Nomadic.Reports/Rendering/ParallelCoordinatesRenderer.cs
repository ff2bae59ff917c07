using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws <see cref="ParallelCoordinatesData"/>: one vertical axis per variable, one line per run coloured by score.</summary>
internal static class ParallelCoordinatesRenderer
{
    public static Plot Draw(ParallelCoordinatesData data, string title)
    {
        Plot plot = ChartStyle.Create(title, "", "");
        ChartStyle.UseCategoryTicks(plot.Axes.Bottom, [.. data.Axes.Select(a => a.Name)]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Grid.IsVisible = false;

        foreach (ParallelLine line in data.Lines.OrderBy(l => l.Score))
        {
            double[] xs = [.. Enumerable.Range(0, line.Positions.Count).Where(i => !double.IsNaN(line.Positions[i])).Select(i => (double)i)];
            double[] ys = [.. xs.Select(x => line.Positions[(int)x])];
            var scatter = plot.Add.ScatterLine(xs, ys, ChartPalette.Scaled(line.Score, data.ScoreRange.X, data.ScoreRange.Y).WithAlpha(0.7));
            scatter.LineWidth = 2;
        }

        for (int i = 0; i < data.Axes.Count; i++)
        {
            plot.Add.VerticalLine(i, 2, Colors.Black);
            foreach (AxisTick tick in data.Axes[i].Ticks)
            {
                var text = plot.Add.Text(tick.Label, i, tick.Position);
                text.LabelAlignment = Alignment.MiddleLeft;
                text.LabelFontSize = 12;
                text.LabelFontName = EmbeddedFonts.Family;
                text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
                text.OffsetX = 4;
            }
        }

        plot.Axes.SetLimits(-0.2, data.Axes.Count - 0.4, -0.05, 1.05);
        return plot;
    }
}
