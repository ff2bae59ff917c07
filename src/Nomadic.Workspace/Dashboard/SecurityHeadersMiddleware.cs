namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// Sends a strict Content-Security-Policy on every response (pages load scripts, styles and images from the server
/// itself only, run no inline script, and cannot be framed), with <c>X-Content-Type-Options: nosniff</c>,
/// <c>Referrer-Policy: no-referrer</c> and, except for the static assets under <c>/assets</c>,
/// <c>Cache-Control: no-store</c>, since everything else is behind a key or a session.
/// </summary>
/// <remarks>
/// The headers are set as the response starts, after the exception handler has cleared the response for an error
/// page, so errors carry them too.
/// </remarks>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string Policy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            IHeaderDictionary headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
