using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Store;

public sealed class SqliteWorkspaceStoreTests : WorkspaceStoreContract
{
    private readonly TempFolder _folder = new();

    protected override IWorkspaceStore CreateStore() => new SqliteWorkspaceStore(_folder.File("nomadic.db"));

    protected override IWorkspaceStore CreateStoreOverFirstRelease()
    {
        string path = _folder.File($"first-release-{Guid.NewGuid():N}.db");
        new Nomadic.Storage.Sqlite.SqliteExperimentStorage(path).Dispose();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            foreach (string statement in FirstReleaseTables.For("", "INTEGER PRIMARY KEY AUTOINCREMENT"))
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }
        }

        new SqliteWorkspaceStore(path).Dispose();
        return new SqliteWorkspaceStore(path);
    }

    protected override void DisposeStorage() => _folder.Dispose();

    [Fact]
    public void Open_DatabaseWithoutSessionTable_AddsItAndKeepsTheKeys()
    {
        string path = _folder.File("older.db");
        WorkspaceInfo workspace;
        using (var older = new SqliteWorkspaceStore(path))
        {
            workspace = older.CreateWorkspace("team", Now);
            older.AddKey(workspace.Id, "key-hash", "nmd_abcd", Now);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE workspace_sessions";
            command.ExecuteNonQuery();
        }

        using var upgraded = new SqliteWorkspaceStore(path);

        Assert.Contains("workspace_sessions", TempFolder.Cells(path, "sqlite_schema"));
        Assert.Equal(workspace, upgraded.OpenSession("key-hash", "session-hash", Now, Now.AddHours(1)));
        Assert.Equal(workspace, upgraded.FindWorkspaceBySession("session-hash", Now));
    }

    [Fact]
    public void Open_FileOfAnotherApplication_IsRefusedAndLeftAlone()
    {
        string path = _folder.File("other.db");
        TempFolder.Cells(path, "sqlite_schema");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER)";
            command.ExecuteNonQuery();
        }

        Assert.Throws<Nomadic.Storage.StorageException>(() => new SqliteWorkspaceStore(path));
        Assert.Equal(["customers"], TempFolder.Cells(path, "sqlite_schema").Where(c => c == "customers").Distinct());
    }
}
