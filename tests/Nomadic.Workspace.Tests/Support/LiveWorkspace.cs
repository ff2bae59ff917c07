using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>
/// A real Workspace server on a loopback port over a fresh SQLite file, with one workspace ("team") and its key, for
/// tests that drive it from a browser. Disposing stops the server and deletes the file.
/// </summary>
internal sealed class LiveWorkspace : IAsyncDisposable
{
    private readonly TemporaryDirectory _folder;

    private LiveWorkspace(TemporaryDirectory folder, SqliteExperimentStorage storage, SqliteWorkspaceStore store, string key, WebApplication app)
    {
        _folder = folder;
        Storage = storage;
        Store = store;
        Key = key;
        App = app;
    }

    /// <summary>Gets the SQLite file the server reads.</summary>
    public string DatabasePath => _folder.File("nomadic.db");

    public SqliteExperimentStorage Storage { get; }

    public SqliteWorkspaceStore Store { get; }

    /// <summary>Gets the key of the workspace "team".</summary>
    public string Key { get; }

    public WebApplication App { get; }

    /// <summary>Gets the server's address, without a trailing slash.</summary>
    public string Url => App.Urls.Single();

    public static async Task<LiveWorkspace> StartAsync()
    {
        var folder = new TemporaryDirectory();
        string path = folder.File("nomadic.db");
        var storage = new SqliteExperimentStorage(path);
        var store = new SqliteWorkspaceStore(path);
        string key = ApiKeys.Create(store, "team", TimeProvider.System).Key;
        WebApplication app = WorkspaceServer.Create(new WorkspaceServerOptions { Storage = storage, Store = store }, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        return new LiveWorkspace(folder, storage, store, key, app);
    }

    /// <summary>Gets an API client that sends the workspace's key; the caller disposes it.</summary>
    public HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = new Uri(Url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }

    /// <summary>Signs a browser page in through the real sign-in form and waits for the home page.</summary>
    public async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(Url + "/login");
        await page.FillAsync("input[name=key]", Key);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForURLAsync(Url + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Store.Dispose();
        Storage.Dispose();
        _folder.Dispose();
    }
}
