using System.Net;
using Microsoft.AspNetCore.Builder;
using Nomadic.Storage.Sqlite;
using Nomadic.Testing;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Hosting;

public sealed class WorkspaceServerTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Create_OverAnExistingSqliteFileWhileAnotherProcessReadsIt_KeepsItsLockAndSeesThatProcesssChanges()
    {
        string database = _folder.File("nomadic.db");
        new SqliteWorkspaceStore(database).Dispose();
        using var storage = new SqliteExperimentStorage(database);
        using var store = new SqliteWorkspaceStore(database);
        string revoked = ApiKeys.Create(store, "team", TimeProvider.System).Key;
        const string Added = "nmd_added-by-another-process";
        await using WebApplication app = WorkspaceServer.Create(new WorkspaceServerOptions { Storage = storage, Store = store }, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Assert.Empty(storage.ListExperiments());

        ForeignSqliteClient.Read(database, times: 3);
        int holder = ForeignSqliteClient.LockHolder(database);
        bool logKept = File.Exists(database + "-wal");
        ForeignSqliteClient.Execute(database, $"""
            UPDATE workspace_api_keys SET revoked_at = '2026-01-01T00:00:00.0000000+00:00' WHERE key_hash = '{ApiKeys.Hash(revoked)}';
            INSERT INTO workspace_api_keys (workspace_id, key_hash, prefix, created_at) VALUES (1, '{ApiKeys.Hash(Added)}', 'nmd_adde', '2026-01-01T00:00:00.0000000+00:00');
            """);
        HttpStatusCode withRevoked = await StatusWithKey(client, revoked);
        HttpStatusCode withAdded = await StatusWithKey(client, Added);
        await app.StopAsync();

        Assert.Equal(Environment.ProcessId, holder);
        Assert.True(logKept, "the other process's close deleted the write-ahead log the server still uses");
        Assert.Equal(HttpStatusCode.Unauthorized, withRevoked);
        Assert.Equal(HttpStatusCode.OK, withAdded);
    }

    private static async Task<HttpStatusCode> StatusWithKey(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/experiments");
        request.Headers.Add("X-Api-Key", key);
        using HttpResponseMessage response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
