using Nomadic.Storage;
using Nomadic.Workspace.Api;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>The dashboard's pages, served by the same process as the API: sign-in, experiments, one experiment or result.</summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/dashboard.css", () => TypedResults.Text(DashboardAssets.Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/assets/dashboard.js", () => TypedResults.Text(DashboardAssets.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/login", () => LoginPage.Render()).ExcludeFromDescription();
        endpoints.MapPost("/login", SignInAsync).ExcludeFromDescription();
        endpoints.MapPost("/logout", (HttpContext c) =>
        {
            DashboardSession.SignOut(c);
            return TypedResults.Redirect("/login");
        }).ExcludeFromDescription();
        endpoints.MapGet("/", (HttpContext c, IWorkspaceStore store, ExperimentAccess access) => Page(c, store, workspace => ListPage.Render(
            workspace,
            access.List(workspace).Select(e => access.Summary(e.Entry, e.Stored)).ToList(),
            store.ListResults(workspace.Id).Select(ResultSummary.Of).ToList()))).ExcludeFromDescription();
        endpoints.MapGet("/experiments/{id:long}", (HttpContext c, IWorkspaceStore store, ExperimentAccess access, long id) => Page(c, store, workspace =>
        {
            (WorkspaceExperiment entry, StoredExperiment stored) = access.Find(workspace, id);
            return ResultPage.Render(workspace, entry.DisplayName, access.Result(stored), access.Summary(entry, stored).Runs, $"/api/v1/experiments/{id}");
        })).ExcludeFromDescription();
        endpoints.MapGet("/results/{id:guid}", (HttpContext c, IWorkspaceStore store, Guid id) => Page(c, store, workspace =>
        {
            ResultRecord record = store.FindResult(workspace.Id, id) ?? throw ApiProblem.NotFound("result");
            var result = ResultUpload.Assemble(record, store.ReadRuns(workspace.Id, id));
            var counts = result.RunResults.GroupBy(r => r.Status.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return ResultPage.Render(workspace, record.Name ?? "(unnamed)", result, counts, $"/api/v1/results/{id:D}");
        })).ExcludeFromDescription();
    }

    private static IResult Page(HttpContext context, IWorkspaceStore store, Func<WorkspaceInfo, IResult> render) =>
        DashboardSession.Workspace(context, store) is WorkspaceInfo workspace ? render(workspace) : TypedResults.Redirect("/login");

    private static async Task<IResult> SignInAsync(HttpContext context, IWorkspaceStore store)
    {
        if (!context.Request.HasFormContentType)
        {
            return LoginPage.Render("Send the sign-in form.");
        }

        IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string key = form["key"].ToString().Trim();
        if (ApiKeys.Authenticate(store, key) is null)
        {
            return LoginPage.Render("That key is unknown or revoked.");
        }

        DashboardSession.SignIn(context, key);
        return TypedResults.Redirect("/");
    }
}
