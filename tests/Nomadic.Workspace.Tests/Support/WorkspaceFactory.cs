using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>
/// The Workspace hosted in process over a real SQLite file in a temp folder, with two workspaces ("team-a" and
/// "team-b") and a key for each.
/// </summary>
public sealed class WorkspaceFactory : WebApplicationFactory<WorkspaceFactory>
{
    private readonly TempFolder _folder = new();

    static WorkspaceFactory()
    {
        // The server serves no files: any content root will do, and this one exists.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_NOMADIC_WORKSPACE_TESTS", AppContext.BaseDirectory);
    }

    public WorkspaceFactory()
        : this(WorkspaceServerOptions.DefaultMaxRequestBodySize)
    {
    }

    public WorkspaceFactory(long maxRequestBodySize)
    {
        DatabasePath = _folder.File("nomadic.db");
        Storage = new SqliteExperimentStorage(DatabasePath);
        Store = new SqliteWorkspaceStore(DatabasePath);
        Options = new WorkspaceServerOptions { Storage = Storage, Store = Store, MaxRequestBodySize = maxRequestBodySize };
        KeyA = ApiKeys.Create(Store, "team-a", TimeProvider.System).Key;
        KeyB = ApiKeys.Create(Store, "team-b", TimeProvider.System).Key;

        // Once it has read the file, the storage's own connections hold it in write-ahead-log mode, so the -wal and -shm
        // files stay while the tests run, whenever other tests clear the process's pooled connections of the store.
        Storage.ListExperiments();
    }

    public string DatabasePath { get; }

    public SqliteExperimentStorage Storage { get; }

    public SqliteWorkspaceStore Store { get; }

    public WorkspaceServerOptions Options { get; }

    public string KeyA { get; }

    public string KeyB { get; }

    /// <summary>Creates a client that sends a key as a bearer token, or no key at all.</summary>
    public HttpClient Client(string? key)
    {
        HttpClient client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Creates a client signed in to the dashboard with a key, keeping its session cookie.</summary>
    public async Task<HttpClient> SignedInAsync(string key)
    {
        HttpClient browser = CreateClient();
        using HttpResponseMessage login = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", key)]));
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        return browser;
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHost(web => web
            .ConfigureServices(services => services.AddNomadicWorkspace(Options))
            .Configure(app => app.UseNomadicWorkspace()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Store.Dispose();
            Storage.Dispose();
            _folder.Dispose();
        }
    }
}
