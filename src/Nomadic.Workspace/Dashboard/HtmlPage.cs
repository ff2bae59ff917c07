using System.Globalization;
using System.Net;
using System.Text;
using Nomadic.Results;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// Writes a dashboard page: every piece of user text goes through <see cref="Text"/>, which escapes it, and user text
/// shown in the page's flow through <see cref="Isolated"/>, so bidirectional controls in it cannot reorder the page.
/// </summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder _body = new();

    public HtmlPage(string title, string? workspace, int refreshSeconds = 0)
    {
        Title = title;
        Workspace = workspace;
        RefreshSeconds = refreshSeconds;
    }

    public string Title { get; }

    public string? Workspace { get; }

    public int RefreshSeconds { get; }

    /// <summary>The most characters of a value <see cref="IsolatedValue"/> shows in the page's flow.</summary>
    public const int ValueLength = 120;

    public static string Text(object? value) => WebUtility.HtmlEncode(Plain(value));

    /// <summary>
    /// A parameter or metadata value as <see cref="Isolated"/> writes it; one longer than <see cref="ValueLength"/>
    /// characters is cut with an ellipsis and carries the whole in its <c>title</c>.
    /// </summary>
    public static string IsolatedValue(object? value)
    {
        string whole = Plain(value);
        return whole.Length <= ValueLength
            ? $"<bdi>{WebUtility.HtmlEncode(whole)}</bdi>"
            : $"<bdi title=\"{WebUtility.HtmlEncode(whole)}\">{WebUtility.HtmlEncode(ValueText.Shorten(whole, ValueLength))}</bdi>";
    }

    /// <summary>
    /// Escapes user text and isolates it in <c>&lt;bdi&gt;</c>: an experiment the command line wrote may carry a
    /// right-to-left override in its name or its parameters, which would otherwise flip the text after it.
    /// </summary>
    public static string Isolated(object? value) => $"<bdi>{Text(value)}</bdi>";

    private static string Plain(object? value) => value switch
    {
        null => "",
        double d => double.IsNaN(d) ? "" : d.ToString("G6", CultureInfo.InvariantCulture),
        _ => ValueText.Format(value),
    };

    /// <summary>Appends markup the caller built from escaped parts.</summary>
    public HtmlPage Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    public IResult ToResult(int status = StatusCodes.Status200OK) => TypedResults.Content(Render(), "text/html; charset=utf-8", Encoding.UTF8, status);

    private string Render()
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Text(NameRules.WithoutBidiControls(Title))} · Nomadic Workspace</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\"><script src=\"/assets/dashboard.js\" defer></script><script src=\"/assets/runs-table.js\" defer></script></head>");
        html.Append(CultureInfo.InvariantCulture, $"<body data-refresh=\"{RefreshSeconds}\"><header><a href=\"/\">Nomadic Workspace</a>");
        if (Workspace is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span>{Isolated(Workspace)}</span><form method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out</button></form>");
        }

        html.Append("</header><main>").Append(_body).Append("</main></body></html>");
        return html.ToString();
    }
}
