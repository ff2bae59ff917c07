using System.Globalization;
using System.Text;
using Nomadic.Reports;
using Nomadic.Results;
using Nomadic.Workspace.Api;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// The result page's plots, every one the result has, in one section per family under its own heading: history and
/// distribution, per parameter, slices, heatmaps and contours, parallel coordinates, parameter importance and, for
/// several objectives, the Pareto front. Images load lazily, so a page of many plots draws only those scrolled to.
/// </summary>
internal static class PlotSections
{
    private const string Importance = "importance";

    // Families in page order, each with the plot-name prefixes it holds; a plot no family claims goes to "Other plots".
    private static readonly (string Id, string Heading, string[] Prefixes)[] Families =
    [
        ("plots-history", "History and distribution", ["history", "score-distribution", "intermediate-values"]),
        ("plots-parameters", "Per parameter", ["params-"]),
        ("plots-slices", "Slices", ["slice-"]),
        ("plots-heatmaps", "Heatmaps and contours", ["heatmap-", "contour-", "correlations"]),
        ("plots-parallel", "Parallel coordinates", ["parallel-coordinates"]),
        ("plots-importance", "Parameter importance", [Importance]),
        ("plots-pareto", "Pareto front", ["pareto-front"]),
    ];

    public static void Append(StringBuilder html, ExperimentResult result, string apiBase)
    {
        IReadOnlyList<PlotImage> plots = result.BestIndex < 0 ? [] : ResultDerivations.Of(result).Plots;
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string id, string heading, string[] prefixes) in Families)
        {
            if (prefixes is [Importance])
            {
                ImportanceSection.Append(html, result, apiBase);
                continue;
            }

            PlotImage[] family = [.. plots.Where(p => prefixes.Any(prefix => p.Name.StartsWith(prefix, StringComparison.Ordinal)))];
            claimed.UnionWith(family.Select(p => p.Name));
            Section(html, id, heading, family, apiBase);
        }

        Section(html, "plots-other", "Other plots", [.. plots.Where(p => !claimed.Contains(p.Name))], apiBase);
    }

    private static void Section(StringBuilder html, string id, string heading, PlotImage[] plots, string apiBase)
    {
        if (plots.Length == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section class=\"plot-family\" id=\"{id}\"><h2>{HtmlPage.Text(heading)}</h2><div class=\"plots\">");
        foreach (PlotImage plot in plots)
        {
            Figure(html, apiBase, plot.Name, plot.Title, plot.Width, plot.Height);
        }

        html.Append("</div></section>");
    }

    /// <summary>Appends one plot, loaded when scrolled to, with links to download it as PNG and SVG.</summary>
    public static void Figure(StringBuilder html, string apiBase, string plot, string title, int width = PlotImage.DefaultWidth, int height = PlotImage.DefaultHeight)
    {
        string name = Uri.EscapeDataString(plot);
        html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{apiBase}/plots/{name}.svg\" alt=\"{HtmlPage.Text(title)}\" loading=\"lazy\" width=\"{width}\" height=\"{height}\">")
            .Append(CultureInfo.InvariantCulture, $"<figcaption>{HtmlPage.Text(title)} <a href=\"{apiBase}/plots/{name}.png\" download>PNG</a> <a href=\"{apiBase}/plots/{name}.svg\" download>SVG</a></figcaption></figure>");
    }
}
