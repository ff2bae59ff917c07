using Nomadic.Reports.Data;
using Nomadic.Results;

namespace Nomadic.Reports.Html;

/// <summary>
/// The table of every run: number, status, score, each parameter, duration, error and each metadata key. Cells carry
/// a <c>data-sort</c> key so the page's script sorts numbers as numbers; the fragment is well-formed XML.
/// </summary>
internal static class RunsTable
{
    /// <summary>Writes the table of every run, or of the best <paramref name="maxRows"/> and the baseline, in run order.</summary>
    public static string Write(ExperimentResult result, int? maxRows = null)
    {
        IReadOnlyList<int> rows = maxRows is int limit && result.Count > limit ? BestRows(result, limit) : [.. Enumerable.Range(0, result.Count)];
        string[] parameters = [.. Keys(result.HpSearchSpace.Names, result.RunResults.Select(r => r.Params))];
        string[] metadata = [.. Keys([], result.RunResults.Select(r => r.Metadata))];
        var html = new HtmlBuilder();
        html.Open("table", ("id", "runs"), ("class", "runs")).Open("thead").Open("tr");
        Header(html, "run", "number");
        Header(html, "status", "text");
        Header(html, "score", "number");
        foreach (string name in parameters)
        {
            Header(html, name, "auto");
        }

        Header(html, "duration", "number");
        Header(html, "error", "text");
        foreach (string key in metadata)
        {
            Header(html, key, "auto");
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (int i in rows)
        {
            Row(html, result, i, parameters, metadata);
        }

        return html.Close("tbody").Close("table").ToString();
    }

    // The best runs by score (ties and unscored runs in run order), with the baseline in place of the last if it is not among them.
    private static List<int> BestRows(ExperimentResult result, int limit)
    {
        int sign = result.Direction == Direction.Maximize ? -1 : 1;
        List<int> chosen = [.. Enumerable.Range(0, result.Count)
            .OrderBy(i => result.RunResults[i].HasUsableScore ? 0 : 1)
            .ThenBy(i => result.RunResults[i].HasUsableScore ? sign * result.RunResults[i].Score : 0)
            .ThenBy(i => i)
            .Take(limit)];
        if (result.BaselineIndex >= 0 && !chosen.Contains(result.BaselineIndex) && chosen.Count > 0)
        {
            chosen[^1] = result.BaselineIndex;
        }

        chosen.Sort();
        return chosen;
    }

    private static void Row(HtmlBuilder html, ExperimentResult result, int index, string[] parameters, string[] metadata)
    {
        RunResult run = result.RunResults[index];
        string status = run.Status.ToString().ToLowerInvariant();
        string? css = index == result.BestIndex ? "best" : run.IsBaseline ? "baseline" : null;
        html.Open("tr", ("class", css), ("data-status", status));
        Cell(html, RunNumbers.Of(result, index));
        html.Element("td", status + (run.IsBaseline ? " (baseline)" : index == result.BestIndex ? " (best)" : ""), ("data-sort", status));
        Cell(html, double.IsNaN(run.Score) ? null : run.Score);
        foreach (string name in parameters)
        {
            Cell(html, run.Params.GetValueOrDefault(name));
        }

        Cell(html, run.Duration);
        Cell(html, run.Error);
        foreach (string key in metadata)
        {
            Cell(html, run.Metadata.GetValueOrDefault(key));
        }

        html.Close("tr").Line();
    }

    private static void Header(HtmlBuilder html, string name, string type) =>
        html.Open("th", ("data-type", type), ("title", "Sort by " + name)).Text(name).Close("th");

    private static void Cell(HtmlBuilder html, object? value) =>
        html.Element("td", HtmlText.Value(value), ("data-sort", HtmlText.SortKey(value)));

    private static List<string> Keys(IEnumerable<string> first, IEnumerable<IReadOnlyDictionary<string, object?>> maps)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. first.Concat(maps.SelectMany(m => m.Keys)).Where(seen.Add)];
    }
}
