using Microsoft.DotNet.Interactive.Formatting;
using Nomadic.Reports;
using Nomadic.Results;

namespace Nomadic.Interactive;

/// <summary>
/// Makes .NET Interactive (Polyglot) notebooks display an <see cref="ExperimentResult"/> as the report's sortable,
/// filterable table of runs. A notebook that references the package registers them itself (the package's
/// <c>extension.dib</c>); call <see cref="Register"/> where that does not happen.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>Registers the HTML formatter of <see cref="ExperimentResult"/>; calling it again changes nothing.</summary>
    public static void Register()
    {
        Formatter.Register<ExperimentResult>((result, writer) => writer.Write(Html(result)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ExperimentResult), HtmlFormatter.MimeType);
    }

    /// <summary>Gets the HTML a notebook shows for a result: a heading line and the table of runs.</summary>
    /// <param name="result">The result.</param>
    /// <returns>An HTML fragment.</returns>
    public static string Html(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string name = System.Net.WebUtility.HtmlEncode(result.Name ?? "experiment");
        string best = result.BestIndex >= 0 ? $", best score {result.BestRunResult.Score.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}" : "";
        return $"<div class=\"nomadic-result\"><p><b>{name}</b>: {result.Count} runs{best}</p>{result.ToHtmlTable()}</div>";
    }
}
