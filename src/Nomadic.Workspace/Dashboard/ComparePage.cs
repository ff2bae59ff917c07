using System.Globalization;
using System.Text;
using Nomadic.Analysis;
using Nomadic.Results;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// Two experiments or results side by side: their summaries, their best configurations in one table with the
/// parameters that differ highlighted, and their optimization histories.
/// </summary>
internal static class ComparePage
{
    public static IResult Render(WorkspaceInfo workspace, DashboardResult a, DashboardResult b)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlPage.Isolated(a.Title)} vs {HtmlPage.Isolated(b.Title)}</h1><div class=\"compare\">");
        Summary(html, "compare-a", a);
        Summary(html, "compare-b", b);
        html.Append("</div>");
        BestParameters(html, a, b);
        html.Append("<h2>Optimization history</h2><div class=\"compare\" id=\"histories\">");
        History(html, a);
        History(html, b);
        html.Append("</div>");
        return new HtmlPage($"{a.Title} vs {b.Title}", workspace.Name).Raw(html.ToString()).ToResult();
    }

    private static void Summary(StringBuilder html, string id, DashboardResult shown)
    {
        ScoreSummary summary = shown.Result.Summarize();
        RunResult? best = Best(shown.Result);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\"><h2><a href=\"{shown.PagePath}\">{HtmlPage.Isolated(shown.Title)}</a></h2><table class=\"summary\"><tbody>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>runs</th><td>{summary.Count}</td></tr><tr><th>completed</th><td>{summary.Completed}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>best score</th><td>{(best is null ? "none yet" : HtmlPage.Text(best.Score))}</td></tr>")
            .Append("<tr><th>best parameters</th><td>")
            .Append(best is null ? "" : string.Join(", ", best.Params.Select(p => $"{HtmlPage.Isolated(p.Key)} = {HtmlPage.IsolatedValue(p.Value)}")))
            .Append("</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>score median [q25, q75]</th><td>{Quartiles(summary)}</td></tr></tbody></table></section>");
    }

    private static string Quartiles(ScoreSummary summary) =>
        summary.ValueCount == 0 ? "" : $"{HtmlPage.Text(summary.Median)} [{HtmlPage.Text(summary.Q25)}, {HtmlPage.Text(summary.Q75)}]";

    private static void BestParameters(StringBuilder html, DashboardResult a, DashboardResult b)
    {
        RunResult? bestA = Best(a.Result);
        RunResult? bestB = Best(b.Result);
        string[] names = [.. a.Result.HpSearchSpace.Names
            .Concat(b.Result.HpSearchSpace.Names)
            .Concat(bestA?.Params.Keys ?? [])
            .Concat(bestB?.Params.Keys ?? [])
            .Distinct(StringComparer.Ordinal)];
        html.Append("<h2>Best configurations</h2><table id=\"compare-params\"><thead><tr><th>parameter</th>")
            .Append(CultureInfo.InvariantCulture, $"<th>{HtmlPage.Isolated(a.Title)}</th><th>{HtmlPage.Isolated(b.Title)}</th></tr></thead><tbody>");
        foreach (string name in names)
        {
            string? x = Value(bestA, name);
            string? y = Value(bestB, name);
            string differs = x == y ? "" : " class=\"differs\"";
            html.Append(CultureInfo.InvariantCulture, $"<tr{differs}><td>{HtmlPage.Isolated(name)}</td><td>{x ?? "–"}</td><td>{y ?? "–"}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string? Value(RunResult? best, string name) =>
        best is not null && best.Params.TryGetValue(name, out object? value) ? HtmlPage.IsolatedValue(value) : null;

    private static void History(StringBuilder html, DashboardResult shown)
    {
        if (Best(shown.Result) is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{HtmlPage.Isolated(shown.Title)}: no run has completed yet.</figcaption></figure>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{shown.ApiBase}/plots/history.svg\" alt=\"Optimization history of {HtmlPage.Text(shown.Title)}\"></figure>");
    }

    private static RunResult? Best(ExperimentResult result) => result.BestIndex >= 0 ? result.BestRunResult : null;
}
