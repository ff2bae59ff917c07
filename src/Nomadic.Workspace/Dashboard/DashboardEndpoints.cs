using Nomadic.Workspace.Api;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>The dashboard's pages, served by the same process as the API: sign-in, experiments, one experiment or result, two compared.</summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/dashboard.css", () => TypedResults.Text(DashboardAssets.Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/assets/dashboard.js", () => TypedResults.Text(DashboardAssets.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/assets/runs-table.js", () => TypedResults.Text(DashboardAssets.RunsTableScript, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/login", () => LoginPage.Render()).ExcludeFromDescription();
        endpoints.MapPost("/login", SignInAsync).ExcludeFromDescription();
        endpoints.MapPost("/logout", (HttpContext c, DashboardSession session) =>
        {
            session.SignOut(c);
            return TypedResults.Redirect("/login");
        }).ExcludeFromDescription();
        endpoints.MapGet("/", (HttpContext c, DashboardSession session, IWorkspaceStore store, ExperimentAccess access) => Page(c, session, workspace => ListPage.Render(
            workspace,
            access.List(workspace).Select(access.Summary).ToList(),
            store.ListResults(workspace.Id).Select(ResultSummary.Of).ToList()))).ExcludeFromDescription();
        endpoints.MapGet("/experiments/{id:long}", (HttpContext c, DashboardSession session, ExperimentAccess access, long id, int? all) =>
            Page(c, session, workspace => ResultPage.Render(workspace, DashboardResult.Experiment(workspace, access, id), all == 1))).ExcludeFromDescription();
        endpoints.MapGet("/results/{id:guid}", (HttpContext c, DashboardSession session, IWorkspaceStore store, Guid id, int? all) =>
            Page(c, session, workspace => ResultPage.Render(workspace, DashboardResult.Uploaded(workspace, store, id), all == 1))).ExcludeFromDescription();
        endpoints.MapGet("/compare", (HttpContext c, DashboardSession session, IWorkspaceStore store, ExperimentAccess access, string? a, string? b) => Page(c, session, workspace =>
            ComparePage.Render(workspace, DashboardResult.Find(workspace, store, access, a), DashboardResult.Find(workspace, store, access, b)))).ExcludeFromDescription();
    }

    private static IResult Page(HttpContext context, DashboardSession session, Func<WorkspaceInfo, IResult> render) =>
        session.Workspace(context) is WorkspaceInfo workspace ? render(workspace) : TypedResults.Redirect("/login");

    private static async Task<IResult> SignInAsync(HttpContext context, DashboardSession session)
    {
        if (!context.Request.HasFormContentType)
        {
            return LoginPage.Render("Send the sign-in form.");
        }

        IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string key = form["key"].ToString().Trim();
        return session.SignIn(context, key) is null ? LoginPage.Render("That key is unknown or revoked.") : TypedResults.Redirect("/");
    }
}
