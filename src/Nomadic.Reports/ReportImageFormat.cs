namespace Nomadic.Reports;

/// <summary>How an HTML report embeds its plots.</summary>
public enum ReportImageFormat
{
    /// <summary>PNG images inlined as base64: the same pixels in every browser, text drawn with the embedded font.</summary>
    Png,

    /// <summary>Inline SVG: smaller and sharp at any zoom; text is drawn with the browser's DejaVu Sans or a fallback.</summary>
    Svg,
}
