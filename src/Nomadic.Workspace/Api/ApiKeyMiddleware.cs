using Nomadic.Workspace.Dashboard;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Lets a request into <c>/api</c> only with a valid key (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>), or for a
/// read, the dashboard's session cookie, and remembers the workspace it opens for the endpoints.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IWorkspaceStore store, DashboardSession session)
{
    private const string BearerScheme = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            string? key = KeyOf(context.Request);

            // The dashboard's session opens reads only (its plots); a change always needs the key in a header.
            WorkspaceInfo? workspace = key is null && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                ? session.Workspace(context)
                : ApiKeys.Authenticate(store, key);
            context.Items[typeof(WorkspaceInfo)] = workspace ?? throw ApiProblem.Unauthorized();
        }

        return next(context);
    }

    /// <summary>Gets the workspace the request's key opened.</summary>
    public static WorkspaceInfo WorkspaceOf(HttpContext context) =>
        context.Items[typeof(WorkspaceInfo)] as WorkspaceInfo ?? throw ApiProblem.Unauthorized();

    private static string? KeyOf(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerScheme.Length..].Trim();
        }

        return request.Headers.TryGetValue("X-Api-Key", out var key) ? key.ToString().Trim() : null;
    }
}
