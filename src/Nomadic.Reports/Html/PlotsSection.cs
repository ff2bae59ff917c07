using Nomadic.Results;

namespace Nomadic.Reports.Html;

/// <summary>Every plot that applies, inlined as base64 PNG or as SVG, so the page needs no other file.</summary>
internal static class PlotsSection
{
    public static void Write(HtmlBuilder html, ExperimentResult result, ReportOptions options)
    {
        if (!options.IncludePlots)
        {
            return;
        }

        html.Open("section", ("id", "plots")).Element("h2", "Plots").Open("div", ("class", "plots"));
        foreach (PlotImage plot in result.PlotAll(options.ImportanceValues()))
        {
            html.Open("figure", ("id", "plot-" + plot.Name));
            if (options.ImageFormat == ReportImageFormat.Svg)
            {
                string svg = plot.Svg();
                html.Raw(svg[svg.IndexOf("<svg", StringComparison.Ordinal)..]);
            }
            else
            {
                html.Open("img", ("src", "data:image/png;base64," + Convert.ToBase64String(plot.Png())), ("alt", plot.Title), ("width", plot.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            html.Element("figcaption", plot.Title).Close("figure").Line();
        }

        html.Close("div").Close("section").Line();
    }
}
