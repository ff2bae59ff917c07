using Nomadic.Reports.Data;
using Nomadic.Results;

namespace Nomadic.Reports.Html;

/// <summary>The report's opening: run counts by status, the direction, the best run and the experiment's metadata.</summary>
internal static class SummarySection
{
    public static void Write(HtmlBuilder html, ExperimentResult result)
    {
        html.Open("section", ("id", "summary")).Element("h2", "Summary").Open("dl", ("class", "facts"));
        Fact(html, "runs", result.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (RunStatus status in Enum.GetValues<RunStatus>())
        {
            int count = result.RunResults.Count(r => r.Status == status);
            Fact(html, status.ToString().ToLowerInvariant(), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Fact(html, "direction", result.Direction == Direction.Maximize ? "maximize (higher is better)" : "minimize (lower is better)");
        if (result.Objectives.Count > 0)
        {
            Fact(html, "objectives", string.Join(", ", result.Objectives.Select(o => o.ToString())));
        }

        Fact(html, "best score", result.BestIndex >= 0 ? ParameterValues.Number(result.BestRunResult.Score) : "none (no run completed)");
        if (result.BestIndex >= 0)
        {
            Fact(html, "best run", RunNumbers.Of(result, result.BestIndex).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Fact(html, "best parameters", string.Join(", ", result.BestRunResult.Params.Select(p => $"{p.Key}={HtmlText.Value(p.Value)}")));
        }

        foreach ((string key, object? value) in result.Metadata)
        {
            Fact(html, key, HtmlText.Value(value));
        }

        html.Close("dl").Close("section").Line();
    }

    private static void Fact(HtmlBuilder html, string name, string value) => html.Element("dt", name).Element("dd", value);
}
