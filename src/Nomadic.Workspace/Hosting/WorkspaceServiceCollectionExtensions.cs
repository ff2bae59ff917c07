using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Nomadic.Workspace.Api;
using Nomadic.Workspace.Dashboard;

namespace Nomadic.Workspace;

/// <summary>Registers the Workspace's services in an ASP.NET Core application.</summary>
public static class WorkspaceServiceCollectionExtensions
{
    /// <summary>Adds the storage, the workspace store, problem details, JSON settings and the OpenAPI document.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="options">What to serve; the caller keeps ownership of the storage and the store.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddNomadicWorkspace(this IServiceCollection services, WorkspaceServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(options.Storage);
        services.AddSingleton(options.Store);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(provider => new ExperimentViewCache(options.Storage));
        services.AddSingleton<ExperimentAccess>();
        services.AddSingleton<DashboardSession>();
        services.AddRouting();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<JsonOptions>(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Nomadic Workspace API";
            document.Info.Description = "Experiments, results and runs of one workspace. Every /api call needs 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.";
            return Task.CompletedTask;
        }));
        return services;
    }
}
