using System.Globalization;
using Nomadic.Reports.Data;
using Nomadic.Results;

namespace Nomadic.Reports.Html;

/// <summary>The best run beside the baseline: score, improvement, and every parameter, changed ones marked.</summary>
internal static class BaselineSection
{
    public static void Write(HtmlBuilder html, ExperimentResult result)
    {
        if (result.BestIndex < 0)
        {
            return;
        }

        RunResult best = result.BestRunResult;
        RunResult? baseline = result.BaselineIndex >= 0 ? result.RunResults[result.BaselineIndex] : null;
        html.Open("section", ("id", "best-vs-baseline")).Element("h2", baseline is null ? "Best run" : "Best run vs baseline");
        html.Open("table", ("class", "compare")).Open("thead").Open("tr").Element("th", "").Element("th", "best");
        if (baseline is not null)
        {
            html.Element("th", "baseline");
        }

        html.Close("tr").Close("thead").Open("tbody");
        Row(html, "score", best.Score, baseline?.Score, changed: false);
        foreach (string name in best.Params.Keys.Union(baseline?.Params.Keys ?? []))
        {
            object? ours = best.Params.GetValueOrDefault(name);
            object? theirs = baseline?.Params.GetValueOrDefault(name);
            Row(html, name, ours, theirs, baseline is not null && HtmlText.Value(ours) != HtmlText.Value(theirs));
        }

        html.Close("tbody").Close("table");
        if (baseline is { HasUsableScore: true })
        {
            double gain = result.Direction == Direction.Maximize ? best.Score - baseline.Score : baseline.Score - best.Score;
            string relative = baseline.Score != 0 ? $" ({(100 * gain / Math.Abs(baseline.Score)).ToString("0.#", CultureInfo.InvariantCulture)} %)" : "";
            html.Element("p", $"Improvement over the baseline: {ParameterValues.Number(gain)}{relative}.", ("class", "gain"));
        }

        html.Close("section").Line();
    }

    private static void Row(HtmlBuilder html, string name, object? best, object? baseline, bool changed)
    {
        html.Open("tr", ("class", changed ? "changed" : null)).Element("th", name).Element("td", HtmlText.Value(best));
        if (baseline is not null || changed)
        {
            html.Element("td", HtmlText.Value(baseline));
        }

        html.Close("tr");
    }
}
