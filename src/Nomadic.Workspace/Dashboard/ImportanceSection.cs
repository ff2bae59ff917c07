using System.Globalization;
using System.Text;
using Nomadic.Analysis;
using Nomadic.Reports;
using Nomadic.Results;
using Nomadic.Workspace.Api;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// The result page's parameter importance: a table and the bar plot when there is enough data, a one-line note
/// otherwise.
/// </summary>
internal static class ImportanceSection
{
    public static void Append(StringBuilder html, ExperimentResult result, string apiBase)
    {
        html.Append("<section class=\"plot-family\" id=\"plots-importance\"><h2>Parameter importance</h2>");
        IReadOnlyList<ParameterImportance>? importances = ResultImportance.Compute(result);
        if (importances is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"importance-note\">Too little data for parameter importance: it needs at least {ResultImportance.MinimumRuns} completed runs and {ResultImportance.MinimumParameters} parameters.</p></section>");
            return;
        }

        int total = result.RunResults.Count(r => r.HasUsableScore);
        html.Append("<div class=\"importance\"><table id=\"importance\"><thead><tr><th>parameter</th><th>importance</th></tr></thead><tbody>");
        foreach (ParameterImportance importance in importances)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{HtmlPage.Isolated(importance.Name)}{HtmlPage.Text(ImportanceText.RunsNote(importance.RunCount, total))}</td><td>{importance.Importance.ToString("0.000", CultureInfo.InvariantCulture)}</td></tr>");
        }

        html.Append("</tbody></table>");
        PlotSections.Figure(html, apiBase, ResultImportance.PlotName, "Parameter importance");
        html.Append("</div>");
        if (importances.Any(i => i.RunCount < total))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"importance-rule\">{HtmlPage.Text(ImportanceText.ConditionalRule)}</p>");
        }

        html.Append("</section>");
    }
}
