using Nomadic.Workspace.Api;
using Nomadic.Workspace.Dashboard;

namespace Nomadic.Workspace;

/// <summary>Adds the Workspace's request pipeline and endpoints to an ASP.NET Core application.</summary>
public static class WorkspaceApplicationBuilderExtensions
{
    /// <summary>
    /// Adds problem details for every error, the body size limit, API key checks on <c>/api</c>, the REST API under
    /// <c>/api/v1</c>, the OpenAPI document at <c>/openapi/v1.json</c> and the dashboard pages, all under a strict
    /// Content-Security-Policy and <c>Cache-Control: no-store</c>; refuses dashboard forms sent from other origins, and
    /// believes a local proxy's <c>X-Forwarded-Proto</c> when <see cref="WorkspaceServerOptions.ForwardedHeaders"/> says
    /// so. Call after <see cref="WorkspaceServiceCollectionExtensions.AddNomadicWorkspace"/>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseNomadicWorkspace(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<WorkspaceServerOptions>().ForwardedHeaders)
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeMiddleware>();
        app.UseMiddleware<CrossOriginFormMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi();
            RouteGroupBuilder api = endpoints.MapGroup("/api/v1");
            ExperimentEndpoints.Map(api);
            ResultEndpoints.Map(api);
            DashboardEndpoints.Map(endpoints);
        });
        return app;
    }
}
