using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Nomadic.Storage;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>
/// <c>/api/v1/experiments</c>: the experiments of the caller's workspace, read live from the experiment storage that
/// the command line and workers write to.
/// </summary>
internal static class ExperimentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder experiments = api.MapGroup("/experiments").WithTags("Experiments");
        experiments.MapGet("/", List).WithSummary("Lists the workspace's experiments with progress and best score; a workspace allowed to adopt also sees every experiment the command line or a worker wrote that no workspace owns.");
        experiments.MapPost("/", CreateAsync).WithSummary("Creates an experiment from {name, direction, search_space, settings}; a workspace allowed to adopt also adds one the command line or a worker wrote (by {name} alone, or with the same definition).");
        experiments.MapGet("/{id:long}", Get).WithSummary("Gets one experiment.");
        experiments.MapPatch("/{id:long}", RenameAsync).WithSummary("Renames an experiment in the workspace, adopting one no workspace owns (workers keep using its storage name).");
        experiments.MapDelete("/{id:long}", Delete).WithSummary("Deletes an experiment and its runs from the storage; one the command line or a worker wrote needs ?delete_runs=true (or ?delete_runs=false to keep its runs, the workspace no longer owning it).");
        ResultViews.Map(experiments.MapGroup("/{id:long}"), context =>
        {
            ExperimentAccess access = context.RequestServices.GetRequiredService<ExperimentAccess>();
            long id = long.Parse((string)context.Request.RouteValues["id"]!, CultureInfo.InvariantCulture);
            return access.Result(access.Find(ApiKeyMiddleware.WorkspaceOf(context), id).Stored);
        });
    }

    private static Ok<List<ExperimentSummary>> List(HttpContext context, ExperimentAccess access) =>
        TypedResults.Ok(access.List(ApiKeyMiddleware.WorkspaceOf(context)).Select(access.Summary).ToList());

    private static Ok<ExperimentSummary> Get(HttpContext context, ExperimentAccess access, long id) =>
        TypedResults.Ok(access.Summary(access.Find(ApiKeyMiddleware.WorkspaceOf(context), id)));

    private static async Task<IResult> CreateAsync(HttpContext context, ExperimentAccess access, IExperimentStorage storage, IWorkspaceStore store, WorkspaceServerOptions options)
    {
        WorkspaceInfo workspace = ApiKeyMiddleware.WorkspaceOf(context);
        using JsonDocument body = await RequestBody.ReadJsonAsync(context.Request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        string name = ExperimentRequests.ReadName(body.RootElement);
        WorkspaceExperiment? owner = store.FindExperimentOwner(name);
        if (owner is not null && owner.WorkspaceId != workspace.Id)
        {
            throw ApiProblem.Conflict($"The experiment name \"{name}\" is taken; choose another.");
        }

        StoredExperiment? existing = storage.FindExperiment(name);
        if (existing is not null && owner is null && !workspace.MayAdopt)
        {
            // The command line or a worker wrote it: guessing its name must not hand its runs to any key.
            throw new ApiProblem(
                StatusCodes.Status403Forbidden,
                "Forbidden",
                $"The experiment \"{name}\" was written by the command line or a worker, and this workspace may not adopt such experiments (a workspace may when its key was created with 'nomadic workspace key create --admin'); choose another name to create a new one.");
        }

        StoredExperiment stored;
        if (existing is not null && !body.RootElement.TryGetProperty("search_space", out _))
        {
            stored = existing;
        }
        else
        {
            try
            {
                stored = storage.CreateOrOpenExperiment(ExperimentRequests.ReadCreate(body.RootElement));
            }
            catch (StorageException e)
            {
                throw ApiProblem.Conflict(e.Message);
            }
        }

        var added = new WorkspaceExperiment(workspace.Id, stored.Id, stored.Name, stored.Name, options.TimeProvider.GetUtcNow()) { CreatedHere = existing is null };
        WorkspaceExperiment entry = store.AddExperiment(added);
        if (entry.WorkspaceId != workspace.Id)
        {
            throw ApiProblem.Conflict($"The experiment name \"{name}\" is taken; choose another.");
        }

        ExperimentSummary summary = access.Summary(new VisibleExperiment(entry, stored, true));
        return existing is not null ? TypedResults.Ok(summary) : TypedResults.Created($"/api/v1/experiments/{stored.Id}", summary);
    }

    private static async Task<IResult> RenameAsync(HttpContext context, ExperimentAccess access, IWorkspaceStore store, WorkspaceServerOptions options, long id)
    {
        WorkspaceInfo workspace = ApiKeyMiddleware.WorkspaceOf(context);
        (WorkspaceExperiment entry, StoredExperiment stored, bool owned) = access.Find(workspace, id);
        using JsonDocument body = await RequestBody.ReadJsonAsync(context.Request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        string name = ExperimentRequests.ReadName(body.RootElement);
        if (owned)
        {
            store.RenameExperiment(workspace.Id, id, name);
        }
        else if (store.AddExperiment(entry with { DisplayName = name, AddedAt = options.TimeProvider.GetUtcNow() }).WorkspaceId != workspace.Id)
        {
            // Naming an experiment no workspace owns adopts it; another workspace was quicker.
            throw ApiProblem.NotFound("experiment");
        }

        return TypedResults.Ok(access.Summary(new VisibleExperiment(entry with { DisplayName = name }, stored, true)));
    }

    private static NoContent Delete(HttpContext context, ExperimentAccess access, IExperimentStorage storage, IWorkspaceStore store, long id)
    {
        WorkspaceInfo workspace = ApiKeyMiddleware.WorkspaceOf(context);
        (WorkspaceExperiment entry, StoredExperiment stored, _) = access.Find(workspace, id);
        bool? deleteRuns = DeleteRunsOf(context.Request);
        if (deleteRuns is null && !entry.CreatedHere)
        {
            int runs = stored.TrialCounts.Values.Sum();
            throw ApiProblem.Conflict(
                $"The experiment \"{entry.DisplayName}\" was written by the command line or a worker; deleting it would erase its {runs} runs from the storage. " +
                "Send DELETE with ?delete_runs=true to delete them, or ?delete_runs=false to keep them and give the experiment back to the command line (this workspace no longer owns it).");
        }

        if (deleteRuns is not false)
        {
            storage.DeleteExperiment(stored.Name);
        }

        store.RemoveExperiment(workspace.Id, id);
        return TypedResults.NoContent();
    }

    private static bool? DeleteRunsOf(HttpRequest request)
    {
        if (!request.Query.TryGetValue("delete_runs", out var values))
        {
            return null;
        }

        return values.Count == 1 && bool.TryParse(values[0], out bool delete)
            ? delete
            : throw ApiProblem.BadRequest("\"delete_runs\" must be true (delete the experiment's runs from the storage) or false (only remove it from the workspace).");
    }
}
