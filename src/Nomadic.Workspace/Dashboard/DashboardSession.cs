using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// The dashboard's sign-in: the API key, kept in an HttpOnly, SameSite=Strict cookie, so other sites can neither read
/// it nor send it. It opens pages and read-only API calls (plots); changes need the key in a header.
/// </summary>
internal static class DashboardSession
{
    public const string CookieName = "nomadic_key";

    public static WorkspaceInfo? Workspace(HttpContext context, IWorkspaceStore store) =>
        context.Request.Cookies.TryGetValue(CookieName, out string? key) ? ApiKeys.Authenticate(store, key) : null;

    public static void SignIn(HttpContext context, string key) => context.Response.Cookies.Append(CookieName, key, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    });

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
