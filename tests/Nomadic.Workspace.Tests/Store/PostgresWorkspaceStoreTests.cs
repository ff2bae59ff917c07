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
    public void Open_InvalidSchemaName_Throws() =>
        Assert.Throws<ArgumentException>(() => new PostgresWorkspaceStore(server.Database("workspace"), "bad;name"));
}
