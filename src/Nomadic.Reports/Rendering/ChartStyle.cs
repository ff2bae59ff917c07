using Nomadic.Reports.Data;
using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>The look shared by every plot: the embedded font, legible sizes, titles and axis labels.</summary>
internal static class ChartStyle
{
    public const float TitleSize = 22;
    public const float LabelSize = 17;
    public const float TickSize = 14;
    public const float MarkerSize = 9;
    private const float LegendPadding = 12;

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(EmbeddedFonts.Family);
        plot.Add.Palette = new ScottPlot.Palettes.Custom([.. Enumerable.Range(0, 8).Select(ChartPalette.Category)], "Okabe-Ito");
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = TickSize;
        plot.Legend.FontName = EmbeddedFonts.Family;
        return plot;
    }

    /// <summary>
    /// Shows the legend in one row between the title and the data area, where it covers nothing; without a labelled
    /// plottable, none (an empty legend panel stops ScottPlot drawing the rest of the image).
    /// </summary>
    public static void ShowLegendAbove(Plot plot)
    {
        if (plot.Legend.GetItems().Length == 0)
        {
            return;
        }

        ScottPlot.Panels.LegendPanel panel = plot.ShowLegend(Edge.Top);
        panel.Padding = new PixelPadding(LegendPadding, LegendPadding / 3);
    }

    /// <summary>Labels a logarithmic axis: data are plotted as log10 of the value, ticks show the value.</summary>
    public static void UseLogTicks(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = position => ParameterValues.Number(Math.Pow(10, position)),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };
    }

    /// <summary>Labels an axis that counts (runs, steps) with whole numbers from the first value shown to the last.</summary>
    public static void UseWholeNumberTicks(IAxis axis, double first, double last) => axis.TickGenerator = new WholeNumberTicks(first, last);

    /// <summary>Labels an axis with text at integer positions (categories).</summary>
    public static void UseCategoryTicks(IAxis axis, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>Places a parameter value on its axis: log10 on a log axis, the value (or category position) otherwise.</summary>
    public static double Coordinate(ParameterAxis axis, double value) => axis.Scale == ParameterScale.Log ? Math.Log10(value) : value;

    /// <summary>Sets up an axis for a parameter.</summary>
    public static void UseParameterTicks(IAxis axis, ParameterAxis parameter)
    {
        if (parameter.Scale == ParameterScale.Log)
        {
            UseLogTicks(axis);
        }
        else if (parameter.Scale == ParameterScale.Categorical)
        {
            UseCategoryTicks(axis, parameter.Categories);
        }
        else if (parameter.IsInteger)
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }
    }

    public static string AxisTitle(ParameterAxis parameter) => parameter.Scale == ParameterScale.Log ? parameter.Name + " (log scale)" : parameter.Name;
}
