using System.Globalization;
using System.Text;
using Nomadic.Workspace.Api;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>The workspace's home: its experiments with progress and best score, then its uploaded results, any two of which can be picked to compare.</summary>
internal static class ListPage
{
    public static IResult Render(WorkspaceInfo workspace, IReadOnlyList<ExperimentSummary> experiments, IReadOnlyList<ResultSummary> results)
    {
        var html = new StringBuilder();
        html.Append("<h1>Experiments</h1>");
        if (experiments.Count == 0)
        {
            html.Append(workspace.MayAdopt
                ? "<p>No experiments yet. Every experiment <code>nomadic run</code> or a worker writes to this storage appears here.</p>"
                : "<p>No experiments yet. Create one through the API. Experiments the command line writes appear only in a workspace allowed to adopt them (<code>nomadic workspace key create NAME --admin</code>).</p>");
        }
        else
        {
            html.Append("<table id=\"experiments\"><thead><tr><th>compare</th><th>name</th><th>direction</th><th>completed</th><th>failed</th><th>running</th><th>best score</th><th>created (UTC)</th></tr></thead><tbody>");
            foreach (ExperimentSummary e in experiments)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Pick(e.Id.ToString(CultureInfo.InvariantCulture), e.Name)}</td><td><a href=\"/experiments/{e.Id}\">{HtmlPage.Isolated(e.Name)}</a>{Source(e)}</td><td>{e.Direction}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{e.Runs["completed"]}</td><td>{e.Runs["failed"]}</td><td>{e.Runs["running"]}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{HtmlPage.Text(e.BestScore)}</td><td>{e.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2>Uploaded results</h2>");
        if (results.Count == 0)
        {
            html.Append("<p>None yet.</p>");
        }
        else
        {
            html.Append("<table id=\"results\"><thead><tr><th>compare</th><th>name</th><th>runs</th><th>updated (UTC)</th></tr></thead><tbody>");
            foreach (ResultSummary r in results)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Pick(r.Id.ToString("D"), r.Name ?? "(unnamed)")}</td><td><a href=\"/results/{r.Id:D}\">{HtmlPage.Isolated(r.Name ?? "(unnamed)")}</a></td><td>{r.Runs}</td><td>{r.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (experiments.Count + results.Count >= 2)
        {
            html.Append("<div class=\"controls\"><button type=\"button\" id=\"compare\" disabled>Compare selected</button><span>Tick two experiments or results to see them side by side.</span></div>");
        }

        return new HtmlPage("Experiments", workspace.Name).Raw(html.ToString()).ToResult();
    }

    // An experiment no workspace owns is listed because this workspace may adopt it: say where it comes from.
    private static string Source(ExperimentSummary experiment) =>
        experiment.Owned ? "" : " <span class=\"source\">written by the command line</span>";

    private static string Pick(string id, string name) =>
        $"<input type=\"checkbox\" class=\"pick\" value=\"{id}\" aria-label=\"Compare {HtmlPage.Text(name)}\">";
}
