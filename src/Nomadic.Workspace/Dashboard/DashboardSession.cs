using System.Buffers.Text;
using System.Security.Cryptography;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// The dashboard's sign-in: the key is sent once, and the browser gets a random session id in an HttpOnly,
/// SameSite=Strict cookie. The store keeps only the id's SHA-256 hash, tied to the key, until sign-out, the key's
/// revocation or <see cref="WorkspaceServerOptions.SessionLifetime"/> after sign-in. The cookie opens pages and
/// read-only API calls (plots); changes need the key in a header.
/// </summary>
internal sealed class DashboardSession(IWorkspaceStore store, TimeProvider time, WorkspaceServerOptions options)
{
    public const string CookieName = "nomadic_session";

    private const int RandomBytes = 32;

    // 32 bytes are 43 characters in base64url; anything much longer is not an id this server gave out.
    private const int MaxIdLength = 64;

    /// <summary>Finds the workspace the request's session cookie opens, or <see langword="null"/>.</summary>
    public WorkspaceInfo? Workspace(HttpContext context) =>
        IdOf(context) is string id ? store.FindWorkspaceBySession(ApiKeys.Hash(id), time.GetUtcNow()) : null;

    /// <summary>Opens a session with a key and sets its cookie; <see langword="null"/> (and no cookie) for an unknown or revoked key.</summary>
    public WorkspaceInfo? SignIn(HttpContext context, string key)
    {
        if (!ApiKeys.IsWellFormed(key))
        {
            return null;
        }

        string id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        DateTimeOffset now = time.GetUtcNow();
        WorkspaceInfo? workspace = store.OpenSession(ApiKeys.Hash(key), ApiKeys.Hash(id), now, now + options.SessionLifetime);
        if (workspace is not null)
        {
            // Signing in again replaces the browser's session rather than leaving the old one open beside it.
            if (IdOf(context) is string previous)
            {
                store.CloseSession(ApiKeys.Hash(previous));
            }

            context.Response.Cookies.Append(CookieName, id, Cookie(context));
        }

        return workspace;
    }

    /// <summary>Closes the request's session in the store and removes its cookie.</summary>
    public void SignOut(HttpContext context)
    {
        if (IdOf(context) is string id)
        {
            store.CloseSession(ApiKeys.Hash(id));
        }

        context.Response.Cookies.Delete(CookieName, Cookie(context));
    }

    private static string? IdOf(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out string? id) && !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength ? id : null;

    // A browser-session cookie: it goes when the browser closes, and the store ends it at the latest when it expires.
    private CookieOptions Cookie(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = options.SecureCookies || context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
