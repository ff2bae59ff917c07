namespace Nomadic.Workspace.Dashboard;

/// <summary>The sign-in form: paste a workspace API key.</summary>
internal static class LoginPage
{
    public static IResult Render(string? error = null) => new HtmlPage("Sign in", null)
        .Raw("<h1>Sign in</h1><form method=\"post\" action=\"/login\" id=\"login\">")
        .Raw("<p><label>Workspace API key <input type=\"password\" name=\"key\" autocomplete=\"off\" required size=\"60\"></label></p>")
        .Raw(error is null ? "" : $"<p class=\"error\">{HtmlPage.Text(error)}</p>")
        .Raw("<p><button type=\"submit\">Sign in</button></p>")
        .Raw("<p>The first <code>nomadic serve</code> over a storage prints a key that sees every experiment there. ")
        .Raw("Create more with <code>nomadic workspace key create &lt;workspace&gt;</code> (<code>--admin</code> to see the experiments the command line writes).</p></form>")
        .ToResult(error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
}
