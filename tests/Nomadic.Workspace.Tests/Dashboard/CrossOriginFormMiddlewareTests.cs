using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;
using Nomadic.Testing;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class CrossOriginFormMiddlewareTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Theory]
    [InlineData("Origin", "http://attacker.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task Login_FromAnotherOrigin_Is403AndSignsNobodyIn(string header, string value)
    {
        using HttpClient browser = Browser();
        using HttpResponseMessage response = await SendAsync(browser, "/login", _factory.KeyB, (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(SqliteFile.Cells(_factory.DatabasePath, "workspace_sessions"));
    }

    [Theory]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    public async Task Login_FromTheSameOrigin_SignsIn(string header, string value)
    {
        using HttpClient browser = Browser();
        using HttpResponseMessage response = await SendAsync(browser, "/login", _factory.KeyA, (header, value));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(SqliteFile.Cells(_factory.DatabasePath, "workspace_sessions"), c => c.Length == 64);
    }

    [Fact]
    public async Task Logout_FromAnotherOrigin_KeepsTheSession()
    {
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        using HttpResponseMessage response = await SendAsync(browser, "/logout", null, ("Sec-Fetch-Site", "same-site"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("team-a", await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithTheSessionCookieAndNeitherHeader_Is403AndKeepsTheSession()
    {
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        using HttpResponseMessage response = await browser.PostAsync("/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("team-a", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Single(SqliteFile.Cells(_factory.DatabasePath, "workspace_sessions"), c => c.Length == 64);
    }

    [Fact]
    public async Task Login_WithTheSessionCookieAndNeitherHeader_Is403AndKeepsTheWorkspace()
    {
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        using HttpResponseMessage response = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", _factory.KeyB)]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("team-a", await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_WithoutCookieOrEitherHeader_AreServed()
    {
        using HttpClient script = Browser();
        using HttpResponseMessage login = await script.PostAsync("/login", new FormUrlEncodedContent([new("key", _factory.KeyA)]));
        using HttpClient api = _factory.Client(_factory.KeyA);
        using HttpResponseMessage created = await api.PostAsync("/api/v1/experiments", Samples.NewExperiment("by-key"));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Forms_InChromium_WorkFromTheDashboardButNotFromAnotherOrigin()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("nomadic.db");
        using var storage = new SqliteExperimentStorage(path);
        using var store = new SqliteWorkspaceStore(path);
        string victimKey = ApiKeys.Create(store, "victim", TimeProvider.System).Key;
        string attackerKey = ApiKeys.Create(store, "attacker", TimeProvider.System).Key;
        await using WebApplication workspace = WorkspaceServer.Create(new WorkspaceServerOptions { Storage = storage, Store = store }, ["http://127.0.0.1:0"]);
        await workspace.StartAsync();
        string url = workspace.Urls.Single();
        await using WebApplication attacker = AttackerSite(url, attackerKey);
        await attacker.StartAsync();
        int port = new Uri(attacker.Urls.Single()).Port;

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser chromium = await Chromium.LaunchAsync(playwright);
        await using IBrowserContext context = await chromium.NewContextAsync();
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);

        // A page on another port (another origin, the same site) and one on another host name (another site).
        foreach (string site in new[] { $"http://127.0.0.1:{port}", $"http://localhost:{port}" })
        {
            int status = await StatusOfAsync(page, $"{site}/sign-in", url + "/login");
            await page.GotoAsync(url + "/");
            Assert.Equal(url + "/login", page.Url);
            Assert.Equal(403, status);
        }

        await page.FillAsync("input[name=key]", victimKey);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForSelectorAsync("header span");
        Assert.Equal(url + "/", page.Url);
        Assert.Equal("victim", await page.InnerTextAsync("header span"));

        foreach ((string form, string target) in new[] { ("sign-out", "/logout"), ("sign-in", "/login") })
        {
            int status = await StatusOfAsync(page, $"http://127.0.0.1:{port}/{form}", url + target);
            await page.GotoAsync(url + "/");
            Assert.Equal(url + "/", page.Url);
            Assert.Equal("victim", await page.InnerTextAsync("header span"));
            Assert.Equal(403, status);
        }

        await page.ClickAsync("header button[type=submit]");
        await page.WaitForSelectorAsync("#login");
        await page.GotoAsync(url + "/");
        Assert.Equal(url + "/login", page.Url);
        await attacker.StopAsync();
        await workspace.StopAsync();
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, string path, string? key, (string Name, string Value) header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(key is null ? [] : [new("key", key)]) };
        request.Headers.Add(header.Name, header.Value);
        return await browser.SendAsync(request);
    }

    /// <summary>Opens a page that submits a form to the Workspace by itself, and returns the status the Workspace answered.</summary>
    private static async Task<int> StatusOfAsync(IPage page, string attackPage, string target)
    {
        IResponse response = await page.RunAndWaitForResponseAsync(() => page.GotoAsync(attackPage), r => r.Url == target);
        string workspace = new Uri(target).GetLeftPart(UriPartial.Authority);
        await page.WaitForURLAsync(u => u.StartsWith(workspace, StringComparison.Ordinal));
        return response.Status;
    }

    /// <summary>Another origin's site whose pages post the Workspace's forms as soon as they load.</summary>
    private static WebApplication AttackerSite(string workspace, string attackerKey)
    {
        WebApplication site = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] }).Build();
        site.Urls.Add("http://127.0.0.1:0");
        site.MapGet("/sign-in", () => Form(workspace + "/login", $"<input name=\"key\" value=\"{attackerKey}\">"));
        site.MapGet("/sign-out", () => Form(workspace + "/logout", ""));
        return site;

        static IResult Form(string action, string fields) => TypedResults.Content(
            $"<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" action=\"{action}\">{fields}</form><script>document.getElementById('f').submit();</script></body></html>",
            "text/html; charset=utf-8");
    }
}
