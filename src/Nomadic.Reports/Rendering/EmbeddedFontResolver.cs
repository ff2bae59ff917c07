using ScottPlot;
using SkiaSharp;

namespace Nomadic.Reports.Rendering;

/// <summary>Answers ScottPlot's requests for one family with typefaces read from font files held in memory.</summary>
/// <remarks>A new typeface per request, as ScottPlot's own file resolver does: ScottPlot caches and owns what it gets.</remarks>
internal sealed class EmbeddedFontResolver(string family, SKData regular, SKData bold) : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, family, StringComparison.OrdinalIgnoreCase)
            ? SKTypeface.FromData(bold ? boldData : regular)
            : null;

    private readonly SKData boldData = bold;
}
