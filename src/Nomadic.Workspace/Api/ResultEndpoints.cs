using System.Globalization;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>
/// <c>/api/v1/results</c>: experiment results uploaded whole (an <c>ExperimentResult</c> in the library's JSON form),
/// updated in place, and extended run by run; a run replaces the one with its trial number, so syncing again never
/// duplicates.
/// </summary>
internal static class ResultEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder results = api.MapGroup("/results").WithTags("Results");
        results.MapGet("/", (HttpContext c, IWorkspaceStore store, string? name) =>
                TypedResults.Ok(store.ListResults(ApiKeyMiddleware.WorkspaceOf(c).Id).Where(r => name is null || r.Name == name).Select(ResultSummary.Of).ToList()))
            .WithSummary("Lists the workspace's uploaded results, oldest first; ?name= keeps those of one name.");
        results.MapPost("/", CreateAsync).WithSummary("Uploads an ExperimentResult; the answer's id is its ClientId.");
        results.MapGet("/{id:guid}", (HttpContext c, IWorkspaceStore store, Guid id) => ResultViews.Json(Load(c, store, id).ToJson()))
            .WithSummary("Gets an uploaded result in the library's JSON form, client_id set.");
        results.MapPut("/{id:guid}", ReplaceAsync).WithSummary("Replaces an uploaded result and all its runs.");
        results.MapPost("/{id:guid}/runs", AddRunsAsync).WithSummary("Adds runs, replacing those with the same trial number.");
        results.MapDelete("/{id:guid}", (HttpContext c, IWorkspaceStore store, Guid id) =>
            store.DeleteResult(ApiKeyMiddleware.WorkspaceOf(c).Id, id) ? TypedResults.NoContent() : throw ApiProblem.NotFound("result"))
            .WithSummary("Deletes an uploaded result.");
        ResultViews.Map(results.MapGroup("/{id:guid}"), c => Load(c, c.RequestServices.GetRequiredService<IWorkspaceStore>(), Guid.Parse((string)c.Request.RouteValues["id"]!, CultureInfo.InvariantCulture)));
    }

    private static ExperimentResult Load(HttpContext context, IWorkspaceStore store, Guid id)
    {
        long workspace = ApiKeyMiddleware.WorkspaceOf(context).Id;
        ResultRecord record = store.FindResult(workspace, id) ?? throw ApiProblem.NotFound("result");
        return ResultUpload.Assemble(record, store.ReadRuns(workspace, id));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IWorkspaceStore store, WorkspaceServerOptions options)
    {
        WorkspaceInfo workspace = ApiKeyMiddleware.WorkspaceOf(context);
        string body = await RequestBody.ReadJsonTextAsync(context.Request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        (ExperimentResult result, IReadOnlyList<RunRecord> runs) = ResultUpload.ReadResult(body);
        CheckName(result.Name);
        DateTimeOffset now = options.TimeProvider.GetUtcNow();
        var record = new ResultRecord(Guid.CreateVersion7(now), workspace.Id, result.Name, ResultUpload.Header(result), runs.Count, now, now);
        store.CreateResult(record, runs);
        return TypedResults.Created($"/api/v1/results/{record.Id:D}", ResultSummary.Of(record));
    }

    private static async Task<IResult> ReplaceAsync(HttpContext context, IWorkspaceStore store, WorkspaceServerOptions options, Guid id)
    {
        WorkspaceInfo workspace = ApiKeyMiddleware.WorkspaceOf(context);
        ResultRecord existing = store.FindResult(workspace.Id, id) ?? throw ApiProblem.NotFound("result");
        string body = await RequestBody.ReadJsonTextAsync(context.Request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        (ExperimentResult result, IReadOnlyList<RunRecord> runs) = ResultUpload.ReadResult(body);
        CheckName(result.Name);
        ResultRecord record = existing with { Name = result.Name, Header = ResultUpload.Header(result), RunCount = runs.Count, UpdatedAt = options.TimeProvider.GetUtcNow() };
        return store.ReplaceResult(record, runs) ? TypedResults.Ok(ResultSummary.Of(record)) : throw ApiProblem.NotFound("result");
    }

    private static async Task<IResult> AddRunsAsync(HttpContext context, IWorkspaceStore store, WorkspaceServerOptions options, Guid id)
    {
        WorkspaceInfo workspace = ApiKeyMiddleware.WorkspaceOf(context);
        _ = store.FindResult(workspace.Id, id) ?? throw ApiProblem.NotFound("result");
        using JsonDocument body = await RequestBody.ReadJsonAsync(context.Request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
        IReadOnlyList<RunRecord> runs = ResultUpload.ReadRuns(body.RootElement);
        RunUpsert upsert = store.UpsertRuns(workspace.Id, id, runs, options.TimeProvider.GetUtcNow()) ?? throw ApiProblem.NotFound("result");
        return TypedResults.Ok(upsert);
    }

    private static void CheckName(string? name)
    {
        if (name is not null && NameRules.Check(name, "name") is string problem)
        {
            throw ApiProblem.BadRequest(problem);
        }
    }
}
