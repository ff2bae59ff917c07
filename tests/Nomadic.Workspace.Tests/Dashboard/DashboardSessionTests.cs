using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using Nomadic.Workspace.Dashboard;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class DashboardSessionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly WorkspaceFactory _factory;

    public DashboardSessionTests()
    {
        _factory = new WorkspaceFactory(_time);
    }

    [Fact]
    public async Task SignIn_CookieHoldsARandomSessionId_NotTheKey()
    {
        string first = await SignInAsync(_factory.KeyA);
        string second = await SignInAsync(_factory.KeyA);

        Assert.DoesNotContain(_factory.KeyA, first, StringComparison.Ordinal);
        Assert.DoesNotContain("nmd_", first, StringComparison.Ordinal);
        Assert.Equal(43, first.Length);
        Assert.NotEqual(first, second);
        List<string> stored = SqliteFile.Cells(_factory.DatabasePath, "workspace_sessions");
        Assert.Contains(ApiKeys.Hash(first), stored);
        Assert.DoesNotContain(first, stored);
        using HttpClient asKey = _factory.Client("nmd_" + first);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asKey.GetAsync("/api/v1/experiments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(first, "/"));
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(first, "/api/v1/experiments"));
    }

    [Fact]
    public async Task SignOut_OldCookie_GetsTheLoginPageAnd401()
    {
        string session = await SignInAsync(_factory.KeyA);

        using (HttpRequestMessage logout = Request(HttpMethod.Post, "/logout", session))
        using (HttpClient browser = Browser())
        using (HttpResponseMessage signedOut = await browser.SendAsync(logout))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(session, "/"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PageStatusAsync(session, "/api/v1/experiments"));
        Assert.Empty(SqliteFile.Cells(_factory.DatabasePath, "workspace_sessions"));
    }

    [Fact]
    public async Task KeyRevocation_EndsItsSessionsAtOnce()
    {
        string session = await SignInAsync(_factory.KeyA);
        string other = await SignInAsync(_factory.KeyB);
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(session, "/"));
        WorkspaceInfo workspace = _factory.Store.FindWorkspace("team-a")!;

        Assert.True(_factory.Store.RevokeKey(workspace.Id, _factory.Store.ListKeys(workspace.Id).Single().Id, _time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(session, "/"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PageStatusAsync(session, "/api/v1/experiments"));
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(other, "/"));
    }

    [Fact]
    public async Task SignIn_Again_ClosesTheBrowsersPreviousSession()
    {
        string previous = await SignInAsync(_factory.KeyA);

        using HttpClient browser = Browser();
        using HttpRequestMessage again = Request(HttpMethod.Post, "/login", previous);
        again.Content = new FormUrlEncodedContent([new("key", _factory.KeyB)]);
        using HttpResponseMessage response = await browser.SendAsync(again);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(previous, "/"));
        Assert.Single(SqliteFile.Cells(_factory.DatabasePath, "workspace_sessions"), c => c.Length == 64);
    }

    [Fact]
    public async Task Session_PastItsLifetime_GetsTheLoginPage()
    {
        string session = await SignInAsync(_factory.KeyA);

        _time.Advance(WorkspaceServerOptions.DefaultSessionLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(session, "/"));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(session, "/"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PageStatusAsync(session, "/api/v1/experiments"));
    }

    [Theory]
    [InlineData(false, false, null, false)]
    [InlineData(true, false, null, true)]
    [InlineData(false, false, "https", false)]
    [InlineData(false, true, "https", true)]
    [InlineData(false, true, "http", false)]
    public async Task SignIn_OverHttp_IsSecureWithTheOptionOrAForwardedHttps(bool secureCookies, bool forwardedHeaders, string? forwardedProto, bool secure)
    {
        var options = new WorkspaceServerOptions { Storage = _factory.Storage, Store = _factory.Store, SecureCookies = secureCookies, ForwardedHeaders = forwardedHeaders };
        await using WebApplication app = WorkspaceServer.Create(options, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent([new("key", _factory.KeyA)]) };
        if (forwardedProto is not null)
        {
            login.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        using HttpResponseMessage response = await http.SendAsync(login);
        string cookie = response.Headers.GetValues("Set-Cookie").Single();

        Assert.StartsWith(DashboardSession.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
        await app.StopAsync();
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static HttpRequestMessage Request(HttpMethod method, string path, string session)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", $"{DashboardSession.CookieName}={session}");

        // As a browser sends a form of the dashboard's own page; without it the cookie alone is refused.
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }

    private async Task<string> SignInAsync(string key)
    {
        using HttpClient browser = Browser();
        using HttpResponseMessage login = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", key)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        string cookie = login.Headers.GetValues("Set-Cookie").Single();
        string prefix = DashboardSession.CookieName + "=";
        Assert.StartsWith(prefix, cookie, StringComparison.Ordinal);
        return cookie[prefix.Length..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private async Task<HttpStatusCode> PageStatusAsync(string session, string path)
    {
        using HttpClient browser = Browser();
        using HttpRequestMessage request = Request(HttpMethod.Get, path, session);
        using HttpResponseMessage response = await browser.SendAsync(request);
        return response.StatusCode;
    }
}
