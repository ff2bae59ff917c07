using Nomadic.Storage.Postgres.Tests;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Tests.Store;

[Collection(PostgresTests.Name)]
public sealed class PostgresWorkspaceStoreTests(PostgresServer server) : WorkspaceStoreContract
{
    protected override IWorkspaceStore CreateStore() => new PostgresWorkspaceStore(server.Database("workspace"));

    [Fact]
    public void Open_Twice_MigratesOnceAndSharesTheTables()
    {
        string database = server.Database("workspace");
        using var first = new PostgresWorkspaceStore(database);
        using var second = new PostgresWorkspaceStore(database);
        WorkspaceInfo created = first.CreateWorkspace($"shared-{Guid.NewGuid():N}", Now);

        Assert.Equal(created, second.FindWorkspace(created.Name));
    }

    [Fact]
    public void Open_DatabaseWithoutSessionTable_AddsItAndKeepsTheKeys()
    {
        string database = server.CreateDatabase("upgrade");
        WorkspaceInfo workspace;
        using (var older = new PostgresWorkspaceStore(database))
        {
            workspace = older.CreateWorkspace("team", Now);
            older.AddKey(workspace.Id, "key-hash", "nmd_abcd", Now);
        }

        server.Execute("DROP TABLE nomadic.workspace_sessions", database);
        using var upgraded = new PostgresWorkspaceStore(database);

        Assert.Equal(workspace, upgraded.OpenSession("key-hash", "session-hash", Now, Now.AddHours(1)));
        Assert.Equal(workspace, upgraded.FindWorkspaceBySession("session-hash", Now));
    }

    [Fact]
    public void Open_PostgresqlUrl_ReachesTheSameDatabase()
    {
        var keywords = new Npgsql.NpgsqlConnectionStringBuilder(server.Database("workspace"));
        string url = $"postgresql://{keywords.Username}@{keywords.Host}:{keywords.Port}/{keywords.Database}?sslmode=disable";
        using var byKeywords = new PostgresWorkspaceStore(keywords.ConnectionString);
        using var byUrl = new PostgresWorkspaceStore(url);
        WorkspaceInfo created = byKeywords.CreateWorkspace($"url-{Guid.NewGuid():N}", Now);

        Assert.Equal(created, byUrl.FindWorkspace(created.Name));
    }

    [Fact]
    public void Open_MalformedUrl_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresWorkspaceStore("postgresql://[bad"));

        Assert.StartsWith("The PostgreSQL connection string is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidSchemaName_Throws() =>
        Assert.Throws<ArgumentException>(() => new PostgresWorkspaceStore(server.Database("workspace"), "bad;name"));
}
