using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>
/// Draws <see cref="ParallelCoordinatesData"/>: one vertical axis per variable, one line per run coloured by score
/// (with a colour bar), runs that lack a conditional parameter through a separate "absent" slot below its axis.
/// </summary>
internal static class ParallelCoordinatesRenderer
{
    private const int MaxNameLength = 18;
    private const int AxesOnOneRow = 5;

    public static Plot Draw(ParallelCoordinatesData data, string title)
    {
        Plot plot = ChartStyle.Create(title, "", "");
        // Beyond a few axes, names alternate between two rows so that long neighbouring names never run into each other.
        bool stagger = data.Axes.Count > AxesOnOneRow;
        ChartStyle.UseCategoryTicks(plot.Axes.Bottom, [.. data.Axes.Select((a, i) => (stagger && i % 2 == 1 ? "\n" : "") + Shorten(a.Name))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Grid.IsVisible = false;

        foreach (ParallelLine line in data.Lines.OrderBy(l => l.Score))
        {
            double[] xs = [.. Enumerable.Range(0, line.Positions.Count).Select(i => (double)i)];
            var scatter = plot.Add.ScatterLine(xs, [.. line.Positions], ChartPalette.Scaled(line.Score, data.ScoreRange.X, data.ScoreRange.Y).WithAlpha(0.7));
            scatter.LineWidth = 2;
        }

        for (int i = 0; i < data.Axes.Count; i++)
        {
            DrawAxis(plot, data.Axes[i], i);
        }

        AddColorBar(plot, data.ScoreRange);
        bool anyAbsent = data.Axes.Any(a => a.AbsentPosition is not null);
        // The right margin leaves room for the last axis' labels, written to its right.
        plot.Axes.SetLimits(-0.2, data.Axes.Count - 0.15, anyAbsent ? ParallelCoordinatesData.AbsentPosition - 0.08 : -0.05, 1.05);
        return plot;
    }

    private static void DrawAxis(Plot plot, ParallelAxis axis, int x)
    {
        var line = plot.Add.Line(x, 0, x, 1);
        line.LineWidth = 2;
        line.LineColor = Colors.Black;
        line.MarkerSize = 0;
        foreach (AxisTick tick in axis.Ticks)
        {
            AddLabel(plot, tick.Label, x, tick.Position, Colors.Black, 6);
        }

        if (axis.AbsentPosition is double absent)
        {
            var slot = plot.Add.Marker(x, absent, MarkerShape.OpenSquare, 12, ChartPalette.Grey);
            slot.MarkerLineWidth = 2;
            AddLabel(plot, "absent", x, absent, ChartPalette.Grey, 10);
        }
    }

    private static void AddLabel(Plot plot, string label, double x, double y, Color color, float offset)
    {
        var text = plot.Add.Text(label, x, y);
        text.LabelAlignment = Alignment.MiddleLeft;
        text.LabelFontSize = 12;
        text.LabelFontName = EmbeddedFonts.Family;
        text.LabelFontColor = color;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        text.OffsetX = offset;
    }

    private static void AddColorBar(Plot plot, PlotPoint range)
    {
        // The colour bar reads its scale from a heatmap; an invisible one carries the scores' range.
        var scale = plot.Add.Heatmap(new double[,] { { range.X, range.Y } });
        scale.Colormap = ChartPalette.Continuous;
        scale.IsVisible = false;
        scale.ManualRange = new ScottPlot.Range(range.X, range.Y);
        var bar = plot.Add.ColorBar(scale);
        bar.Label = "score";
        bar.LabelStyle.FontSize = ChartStyle.TickSize;
    }

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…";
}
