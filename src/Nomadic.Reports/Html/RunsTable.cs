using Nomadic.Reports.Data;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Reports.Html;

/// <summary>
/// The table of every run: number, status, score, each parameter, duration, error and each metadata key. A first
/// header row groups the columns into parameters and metadata, so a parameter and a metadata key of the same name
/// stay apart. Cells carry a <c>data-sort</c> key so the page's script sorts numbers as numbers; a value longer than
/// <see cref="CellLength"/> characters shows its start and opens to the whole in a <c>details</c> element. The
/// fragment is well-formed XML.
/// </summary>
internal static class RunsTable
{
    /// <summary>The most characters a cell shows before it is cut with an ellipsis.</summary>
    internal const int CellLength = 120;

    /// <summary>
    /// Writes the table of every run, or of the best <paramref name="maxRows"/> and the baseline, in run order, then
    /// one row per trial still running: its number, the status <c>running</c> and its parameters.
    /// </summary>
    public static string Write(ExperimentResult result, int? maxRows = null, IReadOnlyList<StoredTrial>? running = null)
    {
        IReadOnlyList<int> rows = maxRows is int limit && result.Count > limit ? BestRows(result, limit) : [.. Enumerable.Range(0, result.Count)];
        running ??= [];
        string[] parameters = [.. Keys(result.HpSearchSpace.Names, result.RunResults.Select(r => r.Params).Concat(running.Select(t => t.Params)))];
        string[] metadata = [.. Keys([], result.RunResults.Select(r => r.Metadata))];
        var html = new HtmlBuilder();
        html.Open("table", ("id", "runs"), ("class", "runs")).Open("thead");
        Groups(html, parameters.Length, metadata.Length);
        html.Open("tr");
        Header(html, "run", "number");
        Header(html, "status", "text");
        Header(html, "score", "number");
        foreach (string name in parameters)
        {
            Header(html, name, "auto", "parameter");
        }

        Header(html, "duration", "number");
        Header(html, "error", "text");
        foreach (string key in metadata)
        {
            Header(html, key, "auto", "metadata");
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (int i in rows)
        {
            Row(html, result, i, parameters, metadata);
        }

        foreach (StoredTrial trial in running)
        {
            RunningRow(html, trial, parameters, metadata.Length);
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

    private static void RunningRow(HtmlBuilder html, StoredTrial trial, string[] parameters, int metadata)
    {
        html.Open("tr", ("class", "running"), ("data-status", "running"));
        Cell(html, trial.Number);
        html.Element("td", trial.IsBaseline ? "running (baseline)" : "running", ("data-sort", "running"));
        Cell(html, null);
        foreach (string name in parameters)
        {
            Cell(html, trial.Params.GetValueOrDefault(name));
        }

        for (int i = 0; i < 2 + metadata; i++)
        {
            Cell(html, null);
        }

        html.Close("tr").Line();
    }

    // The group row: the run's own columns, "parameters" over the parameters, the duration and error, "metadata" over the metadata keys.
    private static void Groups(HtmlBuilder html, int parameters, int metadata)
    {
        html.Open("tr", ("class", "groups")).Element("th", "run", ("colspan", "3"), ("scope", "colgroup"));
        if (parameters > 0)
        {
            html.Element("th", "parameters", ("colspan", Count(parameters)), ("scope", "colgroup"));
        }

        html.Element("th", "", ("colspan", "2"), ("scope", "colgroup"));
        if (metadata > 0)
        {
            html.Element("th", "metadata", ("colspan", Count(metadata)), ("scope", "colgroup"));
        }

        html.Close("tr");
    }

    private static void Header(HtmlBuilder html, string name, string type, string? group = null) =>
        html.Open("th", ("scope", "col"), ("data-type", type), ("class", group), ("title", $"Sort by {(group is null ? "" : group + " ")}{name}")).Text(name).Close("th");

    private static void Cell(HtmlBuilder html, object? value)
    {
        string text = HtmlText.Value(value);
        string sort = HtmlText.SortKey(value);
        if (text.Length <= CellLength)
        {
            html.Element("td", text, ("data-sort", sort), ("class", Kind(value)));
            return;
        }

        html.Open("td", ("data-sort", sort)).Open("details")
            .Element("summary", ValueText.Shorten(text, CellLength))
            .Element("div", text, ("class", "whole"))
            .Close("details").Close("td");
    }

    // Numbers stay on one line, and a short list breaks only where the text allows, never inside a number.
    private static string? Kind(object? value) => value switch
    {
        TimeSpan => "number",
        _ when ParameterValues.TryNumber(value, out _) => "number",
        System.Collections.IEnumerable and not string => "json",
        _ => null,
    };

    private static string Count(int columns) => columns.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Keys(IEnumerable<string> first, IEnumerable<IReadOnlyDictionary<string, object?>> maps)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. first.Concat(maps.SelectMany(m => m.Keys)).Where(seen.Add)];
    }
}
