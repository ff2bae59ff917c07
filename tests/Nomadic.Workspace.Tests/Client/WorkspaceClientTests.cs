using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Workspace.Client;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Client;

public sealed class WorkspaceClientTests : IDisposable
{
    private static readonly WorkspaceClientOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(1) };
    private readonly WorkspaceFactory _factory = new();
    private readonly List<HttpClient> _clients = [];

    [Fact]
    public async Task Sync_FirstTime_CreatesTheResultAndSetsClientId()
    {
        using WorkspaceClient client = Client(_factory.KeyA, failures: 0);
        ExperimentResult result = Samples.Result();

        string id = await client.SyncAsync(result);
        ExperimentResult loaded = await client.LoadAsync(id);

        Assert.Equal(id, result.ClientId);
        Assert.Equal(id, loaded.ClientId);
        Assert.Equal(result.Count, loaded.Count);
    }

    [Fact]
    public async Task Sync_Again_UpdatesInsteadOfDuplicating()
    {
        using WorkspaceClient client = Client(_factory.KeyA, failures: 0);
        ExperimentResult result = Samples.Result();
        string id = await client.SyncAsync(result);
        ExperimentResult grown = new(result.HpSearchSpace, [.. result.RunResults, Samples.Run(5, 0.99, "adam")], result.Name, result.ClientId);

        string again = await client.SyncAsync(grown);
        await client.SyncAsync(grown);

        using HttpClient http = _factory.Client(_factory.KeyA);
        JsonElement[] listed = (await http.GetFromJsonAsync<JsonElement[]>("/api/v1/results"))!;
        Assert.Equal(id, again);
        Assert.Equal(6, Assert.Single(listed).GetProperty("runs").GetInt32());
        Assert.Equal(id, await client.FindResultIdAsync("sweep"));
    }

    [Fact]
    public async Task Sync_AfterNetworkErrors_RetriesAndSucceeds()
    {
        using var handler = new FlakyHandler(_factory.Server.CreateHandler(), failures: 2);
        using var http = new HttpClient(handler) { BaseAddress = _factory.Server.BaseAddress };
        using var client = new WorkspaceClient(http, _factory.KeyA, Fast);

        string id = await client.SyncAsync(Samples.Result());

        Assert.Equal(3, handler.Calls);
        Assert.NotNull(await client.LoadAsync(id));
    }

    [Fact]
    public async Task TrySync_ServerUnreachable_ReportsWithoutThrowing()
    {
        using WorkspaceClient client = Client(_factory.KeyA, failures: int.MaxValue);
        ExperimentResult result = Samples.Result();

        WorkspaceSyncOutcome outcome = await client.TrySyncAsync(result);

        Assert.False(outcome.Synced);
        Assert.Contains("could not be reached", outcome.Error);
        Assert.Null(result.ClientId);
    }

    [Fact]
    public async Task Sync_WithRevokedOrWrongKey_FailsWith401()
    {
        using WorkspaceClient client = Client("nmd_wrong", failures: 0);

        WorkspaceException e = await Assert.ThrowsAsync<WorkspaceException>(() => client.SyncAsync(Samples.Result()));

        Assert.Equal(401, e.StatusCode);
    }

    [Fact]
    public async Task Sync_ResultDeletedOnTheServer_CreatesItAgain()
    {
        using WorkspaceClient client = Client(_factory.KeyA, failures: 0);
        ExperimentResult result = Samples.Result();
        string first = await client.SyncAsync(result);
        using HttpClient http = _factory.Client(_factory.KeyA);
        await http.DeleteAsync($"/api/v1/results/{first}");

        string second = await client.SyncAsync(result);

        Assert.NotEqual(first, second);
        Assert.Equal(second, result.ClientId);
    }

    public void Dispose()
    {
        _clients.ForEach(c => c.Dispose());
        _factory.Dispose();
    }

    private WorkspaceClient Client(string key, int failures)
    {
        var http = new HttpClient(new FlakyHandler(_factory.Server.CreateHandler(), failures)) { BaseAddress = _factory.Server.BaseAddress };
        _clients.Add(http);
        return new WorkspaceClient(http, key, Fast);
    }
}
