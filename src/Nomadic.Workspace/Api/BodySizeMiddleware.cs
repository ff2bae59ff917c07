using Microsoft.AspNetCore.Http.Features;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Refuses a request whose declared body exceeds the limit before reading it, and sets the server's own limit for
/// bodies sent without a length; <see cref="RequestBody"/> counts those as it reads.
/// </summary>
internal sealed class BodySizeMiddleware(RequestDelegate next, WorkspaceServerOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodySize)
        {
            throw ApiProblem.TooLarge(options.MaxRequestBodySize);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = options.MaxRequestBodySize;
        }

        return next(context);
    }
}
