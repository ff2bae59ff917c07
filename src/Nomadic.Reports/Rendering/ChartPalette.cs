using ScottPlot;

namespace Nomadic.Reports.Rendering;

/// <summary>
/// The colours of every plot: the Okabe–Ito palette for categories (distinguishable with the common colour-vision
/// deficiencies) and viridis for continuous values.
/// </summary>
internal static class ChartPalette
{
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color Green = Color.FromHex("#009E73");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color Purple = Color.FromHex("#CC79A7");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Grey = Color.FromHex("#7F7F7F");

    private static readonly Color[] Categories = [Blue, Orange, Green, Vermillion, SkyBlue, Purple, Yellow, Grey];

    public static IColormap Continuous { get; } = new ScottPlot.Colormaps.Viridis();

    public static Color Category(int index) => Categories[index % Categories.Length];

    /// <summary>The colour of a value between <paramref name="low"/> and <paramref name="high"/> on the continuous scale.</summary>
    public static Color Scaled(double value, double low, double high) =>
        Continuous.GetColor(high > low ? Math.Clamp((value - low) / (high - low), 0, 1) : 0.5);
}
