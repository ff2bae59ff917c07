using Nomadic.Workspace.Api;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// Refuses a dashboard form (any request outside <c>/api</c> that is not GET, HEAD or OPTIONS) that a browser sent
/// from another origin, so a page elsewhere can neither sign a visitor in to its own workspace nor sign them out.
/// </summary>
/// <remarks>
/// Browsers say where a request comes from in <c>Sec-Fetch-Site</c>, or in older versions at least in <c>Origin</c> on
/// every cross-origin POST. A request with neither is served only without the session cookie: then it comes from no
/// browser page (a script or a command line) and cannot be forged through a visitor. The API needs no such check: it
/// never accepts a cookie for a change, only a key in a header, which another site cannot make a browser send.
/// </remarks>
internal sealed class CrossOriginFormMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!IsSafe(request.Method) && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !IsSameOrigin(request))
        {
            throw new ApiProblem(StatusCodes.Status403Forbidden, "Forbidden", "This form must be sent from a page of this Workspace.");
        }

        return next(context);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool IsSameOrigin(HttpRequest request)
    {
        string? site = request.Headers["Sec-Fetch-Site"];
        if (!string.IsNullOrEmpty(site))
        {
            // "none" is the user's own action (a bookmark, the address bar), never another page.
            return site is "same-origin" or "none";
        }

        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin))
        {
            // Every browser in use sends one of the two on a form; a request with neither that carries the session
            // cookie would have the browser's credentials without saying where it comes from, so it is refused.
            return !request.Cookies.ContainsKey(DashboardSession.CookieName);
        }

        // The host alone, not the scheme: behind a TLS proxy the browser's origin is https and the request here is http.
        return Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
