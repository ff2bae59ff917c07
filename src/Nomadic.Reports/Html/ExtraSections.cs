using Nomadic.Reports.Data;
using Nomadic.Results;

namespace Nomadic.Reports.Html;

/// <summary>The optional sections fed by other parts of the library: importance and statistics.</summary>
internal static class ExtraSections
{
    public static void Importance(HtmlBuilder html, ExperimentResult result, ReportOptions options)
    {
        if (options.ImportanceValues() is not { Count: > 0 } importances)
        {
            return;
        }

        int total = result.RunResults.Count(r => r.HasUsableScore);
        bool conditional = false;
        html.Open("section", ("id", "importance")).Element("h2", "Parameter importance");
        html.Open("table", ("class", "compare")).Open("thead").Open("tr").Element("th", "parameter").Element("th", "importance").Close("tr").Close("thead").Open("tbody");
        foreach (ImportanceBar bar in ExperimentPlotData.Importance(importances))
        {
            int runs = options.ParameterImportances?.FirstOrDefault(p => p.Name == bar.Parameter)?.RunCount ?? ImportanceText.RunsWith(result, bar.Parameter);
            conditional |= runs < total;
            html.Open("tr").Element("th", ImportanceText.Label(bar.Parameter, runs, total)).Element("td", ParameterValues.Number(Math.Round(bar.Importance, 4))).Close("tr");
        }

        html.Close("tbody").Close("table");
        if (conditional)
        {
            html.Element("p", ImportanceText.ConditionalRule, ("class", "note"));
        }

        html.Close("section").Line();
    }

    public static void Statistics(HtmlBuilder html, IReadOnlyList<ReportStatistic> statistics)
    {
        if (statistics.Count == 0)
        {
            return;
        }

        html.Open("section", ("id", "statistics")).Element("h2", "Statistics").Open("dl", ("class", "facts"));
        foreach (ReportStatistic statistic in statistics)
        {
            html.Element("dt", statistic.Title).Element("dd", statistic.Value);
        }

        html.Close("dl").Close("section").Line();
    }
}
