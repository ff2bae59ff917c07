using System.Globalization;
using System.Text;
using Nomadic.Reports;
using Nomadic.Results;
using Nomadic.Workspace.Api;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// One experiment or uploaded result: progress, the best run, the runs table (sortable and filterable by the page's
/// script, with the trials still running and links to download the runs) and every plot in sections by family, drawn
/// by the API's plot endpoints.
/// </summary>
internal static class ResultPage
{
    /// <summary>The most runs the table shows unless all are asked for: a page of 100,000 rows would not load.</summary>
    internal const int MaxRows = 1000;

    public static IResult Render(WorkspaceInfo workspace, DashboardResult shown, bool allRuns = false)
    {
        (string title, ExperimentResult result, IReadOnlyDictionary<string, int> counts, _, string apiBase) = shown;
        ResultDerivations.Of(result).StartImportance();
        int running = counts.GetValueOrDefault("running");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlPage.Isolated(title)}</h1><div class=\"stats\" id=\"progress\">");
        foreach ((string state, int count) in counts.Where(c => c.Value > 0 || c.Key is "completed" or "running").OrderBy(c => StateOrder(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"stat\"><b>{count}</b>{HtmlPage.Text(state)}</div>");
        }

        html.Append("</div>");
        Best(html, result);
        html.Append("<h2>Runs</h2><div class=\"controls\"><input id=\"run-filter\" type=\"search\" placeholder=\"Filter runs\" aria-label=\"Filter runs\">")
            .Append("<select id=\"run-status\" aria-label=\"Status\"><option value=\"\">any status</option><option>completed</option><option>failed</option><option>pruned</option><option>running</option></select>")
            .Append("<span id=\"runs-shown\"></span>")
            .Append(CultureInfo.InvariantCulture, $"<span id=\"downloads\">Download the runs: <a href=\"{apiBase}/export.csv\" download>CSV</a> <a href=\"{apiBase}/export.json\" download>JSON</a></span></div>");
        bool capped = !allRuns && result.Count > MaxRows;
        if (capped)
        {
            string after = shown.Running.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", then the {shown.Running.Count:N0} running") : "";
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"runs-limit\">The best {MaxRows:N0} of {result.Count:N0} finished runs and the baseline, in run order{after}. ")
                .Append(CultureInfo.InvariantCulture, $"<a href=\"{shown.PagePath}?all=1\">Show all runs</a> or <a href=\"{apiBase}/export.csv\">download them as CSV</a>.</p>");
        }

        html.Append("<div class=\"runs-wrap\">").Append(result.ToHtmlTable(capped ? MaxRows : Math.Max(1, result.Count), shown.Running)).Append("</div>");
        PlotSections.Append(html, result, apiBase);
        return new HtmlPage(title, workspace.Name, running > 0 ? 10 : 0).Raw(html.ToString()).ToResult();
    }

    private static void Best(StringBuilder html, ExperimentResult result)
    {
        html.Append("<h2>Best run</h2>");
        if (result.BestIndex < 0)
        {
            html.Append("<p id=\"best\">No run has completed yet.</p>");
            return;
        }

        RunResult best = result.BestRunResult;
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"best\">Run {best.TrialNumber}: score <b>{HtmlPage.Text(best.Score)}</b> with ")
            .Append(string.Join(", ", best.Params.Select(p => $"{HtmlPage.Isolated(p.Key)} = {HtmlPage.IsolatedValue(p.Value)}")))
            .Append("</p>");
    }

    /// <summary>Finished states first, the way a reader counts runs, then the runs still going.</summary>
    private static int StateOrder(string state) => state switch
    {
        "completed" => 0,
        "pruned" => 1,
        "failed" => 2,
        "running" => 4,
        _ => 3,
    };
}
