using Nomadic.Results;

namespace Nomadic.Reports.Html;

/// <summary>Assembles the self-contained report page: inline style, sections, the runs table and the inline script.</summary>
internal static class ReportPage
{
    public static string Write(ExperimentResult result, ReportOptions options)
    {
        options = ReportAnalysis.Complete(result, options);
        string title = options.Title ?? (result.Name is { Length: > 0 } name ? $"Experiment report: {name}" : "Experiment report");
        var html = new HtmlBuilder();
        html.Raw("<!DOCTYPE html>").Line().Open("html", ("lang", "en")).Open("head")
            .Open("meta", ("charset", "utf-8")).Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", title).Open("style").Raw(ReportAssets.Css).Close("style").Close("head").Line()
            .Open("body").Element("h1", title).Line();

        SummarySection.Write(html, result);
        BaselineSection.Write(html, result);
        ExtraSections.Importance(html, result, options);
        ExtraSections.Statistics(html, options.Statistics);
        PlotsSection.Write(html, result, options);

        html.Open("section", ("id", "runs-section")).Element("h2", "Runs")
            .Open("div", ("class", "table-tools"))
            .Open("input", ("id", "run-filter"), ("type", "search"), ("placeholder", "Filter runs (all words must match)"), ("aria-label", "Filter runs"))
            .Element("span", "", ("id", "runs-shown"))
            .Close("div")
            .Open("div", ("class", "table-wrap")).Raw(RunsTable.Write(result)).Close("div").Close("section").Line();

        return html.Open("script").Raw(ReportAssets.Script).Close("script").Line().Close("body").Close("html").Line().ToString();
    }
}
