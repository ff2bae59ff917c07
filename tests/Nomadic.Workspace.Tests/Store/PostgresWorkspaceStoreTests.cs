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
        var error = Assert.Throws<Nomadic.Storage.Postgres.ConnectionStringException>(() => new PostgresWorkspaceStore("postgresql://[bad"));

        Assert.StartsWith("The PostgreSQL connection string is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidSchemaName_Throws() =>
        Assert.Throws<ArgumentException>(() => new PostgresWorkspaceStore(server.Database("workspace"), "bad;name"));
}
