using Nomadic.Reports.Html;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Reports;

/// <summary>
/// HTML reports of an experiment: one self-contained page (no network, inline style, script and images) with a
/// summary, the best run against the baseline, optional importance and statistics, every plot, and a sortable,
/// filterable table of the runs. Every text from the experiment is HTML-escaped.
/// </summary>
public static class ExperimentReports
{
    /// <summary>Renders the report as one HTML page.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="options">What to include; the defaults when null.</param>
    /// <returns>The page's HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToHtml(this ExperimentResult result, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ReportPage.Write(result, options ?? new ReportOptions());
    }

    /// <summary>Writes the report (see <see cref="ToHtml"/>) to a file, creating its folder.</summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="path">The file to write, e.g. <c>report.html</c>.</param>
    /// <param name="options">What to include; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="path"/> is null.</exception>
    public static void ToHtmlReport(this ExperimentResult result, string path, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string html = result.ToHtml(options);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, html);
    }

    /// <summary>
    /// Renders the runs alone as an HTML table (well-formed XML, no script): one row per run with its number, status,
    /// score, parameters, duration, error and metadata, under a header row grouping the parameters and the metadata.
    /// Lists and dictionaries are compact JSON; a value past 120 characters is cut and opens to the whole in a
    /// <c>details</c> element. Notebooks can display it as HTML.
    /// </summary>
    /// <param name="result">The experiment's runs.</param>
    /// <returns>The <c>table</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToHtmlTable(this ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RunsTable.Write(result);
    }

    /// <summary>
    /// Renders at most <paramref name="maxRows"/> runs as an HTML table: all of them when there are no more, else the
    /// best by score and the baseline, in run order. A page of a large experiment stays small this way.
    /// </summary>
    /// <param name="result">The experiment's runs.</param>
    /// <param name="maxRows">The most rows, 1 or more.</param>
    /// <returns>The <c>table</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is less than 1.</exception>
    public static string ToHtmlTable(this ExperimentResult result, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        return RunsTable.Write(result, maxRows);
    }

    /// <summary>
    /// Renders at most <paramref name="maxRows"/> finished runs as <see cref="ToHtmlTable(ExperimentResult, int)"/>
    /// does, followed by one row per trial still running: its number, the status <c>running</c>, its parameters and no
    /// score. A live page shows this way what the workers are evaluating.
    /// </summary>
    /// <param name="result">The experiment's finished runs.</param>
    /// <param name="maxRows">The most rows of finished runs, 1 or more.</param>
    /// <param name="running">The trials in state <see cref="TrialState.Running"/>, in the order to show them.</param>
    /// <returns>The <c>table</c> element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="running"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is less than 1.</exception>
    public static string ToHtmlTable(this ExperimentResult result, int maxRows, IReadOnlyList<StoredTrial> running)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(running);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        return RunsTable.Write(result, maxRows, running);
    }
}
