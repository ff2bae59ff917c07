using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws a labelled grid of values as a heatmap with each cell's value written in it and a colour bar.</summary>
internal static class GridRenderer
{
    private const float LabelSlant = 30;
    private const float LabelPadding = 12;

    /// <summary>Draws the grid; row 0 at the bottom (a y axis of values) or, with <paramref name="firstRowOnTop"/>, at the top (a matrix).</summary>
    public static Plot Draw(string title, string xLabel, string yLabel, double[,] values, IReadOnlyList<string> columns, IReadOnlyList<string> rows, GridColors colors, bool firstRowOnTop = false)
    {
        Plot plot = ChartStyle.Create(title, xLabel, yLabel);
        int rowCount = values.GetLength(0), columnCount = values.GetLength(1);
        DrawCells(plot, values, colors);

        // The colour bar reads its scale from a heatmap; an invisible one carries the grid's range.
        var scale = plot.Add.Heatmap(new double[,] { { colors.Low, colors.High } });
        scale.Colormap = colors.Colormap;
        scale.IsVisible = false;
        scale.ManualRange = new ScottPlot.Range(colors.Low, colors.High);
        var bar = plot.Add.ColorBar(scale);
        bar.Label = colors.Label;
        bar.LabelStyle.FontSize = ChartStyle.TickSize;
        ChartStyle.UseCategoryTicks(plot.Axes.Bottom, columns);
        ChartStyle.UseCategoryTicks(plot.Axes.Left, rows);
        if (columns.Any(c => c.Length > 6) && columnCount > 4)
        {
            RotateColumnLabels(plot, columns);
        }

        WriteValues(plot, values, colors);
        // Inverted vertical limits put row 0 on top, as a matrix is read: its diagonal runs top-left to bottom-right.
        plot.Axes.SetLimits(-0.5, columnCount - 0.5, firstRowOnTop ? rowCount - 0.5 : -0.5, firstRowOnTop ? -0.5 : rowCount - 0.5);
        return plot;
    }

    /// <summary>
    /// Slants the column labels and reserves the room they take: ScottPlot sizes an axis by its labels' unrotated
    /// height, which would cut slanted labels off at the bottom and, for the first columns, at the left.
    /// </summary>
    private static void RotateColumnLabels(Plot plot, IReadOnlyList<string> columns)
    {
        LabelStyle style = plot.Axes.Bottom.TickLabelStyle;
        style.Rotation = -LabelSlant;
        style.Alignment = Alignment.MiddleRight;
        style.OffsetY = LabelPadding / 2;
        using Paint paint = Paint.NewDisposablePaint();
        float widest = columns.Max(c => style.Measure(c, paint).Width);
        float lineHeight = style.Measure("0", paint).Height;
        double slant = LabelSlant * Math.PI / 180;
        float labelsHeight = (float)((widest * Math.Sin(slant)) + (lineHeight * Math.Cos(slant))) + style.OffsetY;
        float titleHeight = plot.Axes.Bottom.Label.Measure(string.IsNullOrEmpty(plot.Axes.Bottom.Label.Text) ? "0" : plot.Axes.Bottom.Label.Text, paint).Height;
        plot.Axes.Bottom.MinimumSize = plot.Axes.Bottom.MajorTickStyle.Length + labelsHeight + titleHeight + LabelPadding;
        plot.Axes.Left.MinimumSize = (float)(widest * Math.Cos(slant)) + LabelPadding;
    }

    private static void DrawCells(Plot plot, double[,] values, GridColors colors)
    {
        for (int row = 0; row < values.GetLength(0); row++)
        {
            for (int column = 0; column < values.GetLength(1); column++)
            {
                double value = values[row, column];
                var cell = plot.Add.Rectangle(column - 0.5, column + 0.5, row - 0.5, row + 0.5);
                cell.FillColor = double.IsNaN(value) ? Colors.White : colors.ColorOf(value);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
            }
        }
    }

    private static void WriteValues(Plot plot, double[,] values, GridColors colors)
    {
        for (int row = 0; row < values.GetLength(0); row++)
        {
            for (int column = 0; column < values.GetLength(1); column++)
            {
                double value = values[row, column];
                if (double.IsNaN(value))
                {
                    continue;
                }

                var text = plot.Add.Text(Data.ParameterValues.Number(Math.Round(value, 3)), column, row);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 13;
                text.LabelFontName = EmbeddedFonts.Family;
                text.LabelFontColor = colors.TextOn(value);
            }
        }
    }
}
