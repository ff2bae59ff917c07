using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>
/// The Workspace hosted in process over a real SQLite file in a temp folder (or storages the test gives), with two
/// workspaces ("team-a" and "team-b") and a key for each, and a third ("admins") that may adopt experiments the
/// command line wrote.
/// </summary>
public sealed class WorkspaceFactory : WebApplicationFactory<WorkspaceFactory>
{
    private readonly TemporaryDirectory _folder = new();

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
        : this(null, null, maxRequestBodySize, TimeProvider.System)
    {
    }

    /// <summary>Hosts the Workspace over the given storages, which the factory disposes.</summary>
    public WorkspaceFactory(IExperimentStorage storage, IWorkspaceStore store)
        : this(storage, store, WorkspaceServerOptions.DefaultMaxRequestBodySize, TimeProvider.System)
    {
    }

    /// <summary>Creates the server on a clock of the test's, such as a FakeTimeProvider.</summary>
    public WorkspaceFactory(TimeProvider timeProvider)
        : this(null, null, WorkspaceServerOptions.DefaultMaxRequestBodySize, timeProvider)
    {
    }

    private WorkspaceFactory(IExperimentStorage? storage, IWorkspaceStore? store, long maxRequestBodySize, TimeProvider timeProvider)
    {
        DatabasePath = _folder.File("nomadic.db");
        Storage = storage ?? new SqliteExperimentStorage(DatabasePath);
        Store = store ?? new SqliteWorkspaceStore(DatabasePath);
        Options = new WorkspaceServerOptions { Storage = Storage, Store = Store, MaxRequestBodySize = maxRequestBodySize, TimeProvider = timeProvider };
        KeyA = ApiKeys.Create(Store, "team-a", TimeProvider.System).Key;
        KeyB = ApiKeys.Create(Store, "team-b", TimeProvider.System).Key;
        NewApiKey admin = ApiKeys.Create(Store, "admins", TimeProvider.System);
        Store.SetMayAdopt(admin.Workspace.Id, true);
        AdminKey = admin.Key;

        // Once it has read the file, the storage's own connections hold it in write-ahead-log mode, so the -wal and -shm
        // files stay while the tests run, whenever other tests clear the process's pooled connections of the store.
        Storage.ListExperiments();
    }

    /// <summary>Gets the SQLite file, unless the test gave storages of its own.</summary>
    public string DatabasePath { get; }

    public IExperimentStorage Storage { get; }

    public IWorkspaceStore Store { get; }

    public WorkspaceServerOptions Options { get; }

    public string KeyA { get; }

    public string KeyB { get; }

    public string AdminKey { get; }

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
