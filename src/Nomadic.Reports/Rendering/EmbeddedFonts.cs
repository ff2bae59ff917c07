using System.Reflection;
using SkiaSharp;

namespace Nomadic.Reports.Rendering;

/// <summary>
/// The fonts shipped inside this assembly (DejaVu Sans regular and bold). Plots ask ScottPlot for
/// <see cref="Family"/>; without a registered typeface, ScottPlot falls back to the system's fonts and draws no text
/// at all on a machine that has none, without an error.
/// </summary>
internal static class EmbeddedFonts
{
    /// <summary>The family name plots use.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the fonts with ScottPlot once per process; later calls do nothing.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        var resolver = new EmbeddedFontResolver(Family, Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        ScottPlot.Fonts.FontResolvers.Insert(0, resolver);
        ScottPlot.Fonts.Default = Family;
        return true;
    }

    // The data lives as long as the process: ScottPlot caches typefaces made from it.
    private static SKData Load(string file)
    {
        string name = "Nomadic.Reports.Fonts." + file;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        SKData data = SKData.Create(stream);
        using SKTypeface? check = SKTypeface.FromData(data);
        return check is not null ? data : throw new InvalidOperationException($"The font resource {name} is not a font Skia can read.");
    }
}
