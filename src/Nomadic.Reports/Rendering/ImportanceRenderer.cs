using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>Draws importance bars, most important at the top.</summary>
internal static class ImportanceRenderer
{
    private const double LabelRoom = 1.2;

    public static Plot Draw(IReadOnlyList<ImportanceBar> bars, string title)
    {
        Plot plot = ChartStyle.Create(title, "importance", "parameter");
        int count = bars.Count;
        Bar[] drawn = [.. bars.Select((b, i) => new Bar
        {
            Position = count - 1 - i,
            Value = b.Importance,
            FillColor = ChartPalette.Blue,
            LineWidth = 0,
            Label = ParameterValues.Number(Math.Round(b.Importance, 3)),
        })];
        var plotted = plot.Add.Bars(drawn);
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontSize = ChartStyle.TickSize;
        plotted.ValueLabelStyle.FontName = EmbeddedFonts.Family;
        ChartStyle.UseCategoryTicks(plot.Axes.Left, [.. bars.Reverse().Select(b => b.Parameter)]);
        plot.Axes.Margins(left: 0);
        double longest = bars.Count > 0 ? bars.Max(b => b.Importance) : 0;
        if (longest > 0)
        {
            // Room right of the longest bar for its value label, which the data area would otherwise cut off.
            plot.Axes.SetLimitsX(0, longest * LabelRoom);
        }
        return plot;
    }
}
