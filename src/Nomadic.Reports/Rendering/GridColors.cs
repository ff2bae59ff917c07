using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>The colour scale of a grid: its colormap, optional fixed range, label, and legible text over each cell.</summary>
internal sealed record GridColors(IColormap Colormap, ScottPlot.Range? Range, string Label, double Low, double High)
{
    /// <summary>Viridis over the values' own range.</summary>
    public static GridColors Sequential(string label, double[,] values)
    {
        double[] finite = [.. values.Cast<double>().Where(double.IsFinite)];
        return finite.Length == 0
            ? new GridColors(ChartPalette.Continuous, null, label, 0, 1)
            : new GridColors(ChartPalette.Continuous, null, label, finite.Min(), finite.Max());
    }

    /// <summary>A blue–white–red scale fixed to [-1, 1], for correlations.</summary>
    public static GridColors Diverging(string label) => new(new ScottPlot.Colormaps.Balance(), new ScottPlot.Range(-1, 1), label, -1, 1);

    public Color ColorOf(double value) => Colormap.GetColor(High > Low ? Math.Clamp((value - Low) / (High - Low), 0, 1) : 0.5);

    public Color TextOn(double value)
    {
        Color background = ColorOf(value);
        double luminance = (0.299 * background.R) + (0.587 * background.G) + (0.114 * background.B);
        return luminance > 140 ? Colors.Black : Colors.White;
    }
}
