using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Store;

public sealed class SqliteWorkspaceStoreTests : WorkspaceStoreContract
{
    private readonly TemporaryDirectory _folder = new();

    protected override IWorkspaceStore CreateStore() => new SqliteWorkspaceStore(_folder.File("nomadic.db"));

    protected override IWorkspaceStore CreateStoreOverFirstRelease()
    {
        string path = FirstReleaseFile();
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
            // As a release before versions were kept and before sessions left it.
            command.CommandText = "DROP TABLE workspace_sessions; DROP TABLE workspace_schema_version";
            command.ExecuteNonQuery();
        }

        using var upgraded = new SqliteWorkspaceStore(path);

        Assert.Contains("workspace_sessions", SqliteFile.Cells(path, "sqlite_schema"));
        Assert.Equal(workspace, upgraded.OpenSession("key-hash", "session-hash", Now, Now.AddHours(1)));
        Assert.Equal(workspace, upgraded.FindWorkspaceBySession("session-hash", Now));
    }

    [Fact]
    public void Open_FileOfAnotherApplication_IsRefusedAndLeftAlone()
    {
        string path = _folder.File("other.db");
        SqliteFile.Cells(path, "sqlite_schema");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER)";
            command.ExecuteNonQuery();
        }

        Assert.Throws<Nomadic.Storage.StorageException>(() => new SqliteWorkspaceStore(path));
        Assert.Equal(["customers"], SqliteFile.Cells(path, "sqlite_schema").Where(c => c == "customers").Distinct());
    }

    [Fact]
    public void Constructor_ReadOnlyOnAFileWithoutWorkspaceTables_FindsNoWorkspaceAndChangesNothing()
    {
        string path = _folder.File("experiments.db");
        new SqliteExperimentStorage(path).Dispose();
        byte[] before = File.ReadAllBytes(path);

        using (var store = new SqliteWorkspaceStore(path, new SqliteStorageOptions { ReadOnly = true }))
        {
            Assert.Null(store.FindWorkspace("team"));
            Assert.Null(store.FindWorkspaceByKey("hash"));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.DoesNotContain("workspaces", SqliteFile.Cells(path, "sqlite_schema"));
    }

    [Fact]
    public void Constructor_ReadOnlyOnAWorkspaceFile_ListsItsKeysAndRefusesChanges()
    {
        string path = _folder.File("workspace.db");
        using (var writer = new SqliteWorkspaceStore(path))
        {
            Nomadic.Workspace.Keys.ApiKeys.Create(writer, "team", TimeProvider.System);
        }

        byte[] before = File.ReadAllBytes(path);
        using (var store = new SqliteWorkspaceStore(path, new SqliteStorageOptions { ReadOnly = true }))
        {
            WorkspaceInfo team = store.FindWorkspace("team")!;
            Assert.Single(store.ListKeys(team.Id));
            Assert.ThrowsAny<Exception>(() => store.RevokeKey(team.Id, 1, DateTimeOffset.UtcNow));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Constructor_ReadOnlyOnAMissingFile_ThrowsAndCreatesNothing()
    {
        string path = _folder.File("missing.db");

        Assert.Throws<Nomadic.Storage.StorageException>(() => new SqliteWorkspaceStore(path, new SqliteStorageOptions { ReadOnly = true }));

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Constructor_ReadOnlyOnFirstReleaseTables_ReadsThemWithoutTheNewColumnsAndChangesNothing()
    {
        string path = FirstReleaseFile();
        byte[] before = File.ReadAllBytes(path);

        using (var store = new SqliteWorkspaceStore(path, new SqliteStorageOptions { ReadOnly = true }))
        {
            WorkspaceInfo old = store.FindWorkspace("old-team")!;
            Assert.False(old.MayAdopt);
            WorkspaceExperiment entry = Assert.Single(store.ListExperiments(old.Id));
            Assert.Equal("old-exp", entry.StorageName);
            Assert.False(entry.CreatedHere);
            Assert.Empty(store.ListKeys(old.Id));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    // A storage file whose workspace tables are as the first release made them.
    private string FirstReleaseFile()
    {
        string path = _folder.File($"first-release-{Guid.NewGuid():N}.db");
        new SqliteExperimentStorage(path).Dispose();
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

        return path;
    }

    [Fact]
    public void Open_UnversionedTablesOfTheLastReleaseBeforeVersions_AreAdoptedAsVersion1WithTheirRows()
    {
        string path = _folder.File("unversioned.db");
        new SqliteExperimentStorage(path).Dispose();
        SqliteFile.Sql(path, string.Join(";\n", WorkspaceSchema.Statements.Select(s => s.Replace("{p}", "", StringComparison.Ordinal).Replace("{id}", "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal))) +
            ";\nINSERT INTO workspaces (name, created_at, may_adopt) VALUES ('team', '2026-01-01T00:00:00.0000000+00:00', 1);" +
            "INSERT INTO workspace_api_keys (workspace_id, key_hash, prefix, created_at) VALUES (1, 'key-hash', 'nmd_abcd', '2026-01-01T00:00:00.0000000+00:00');");

        using var store = new SqliteWorkspaceStore(path);

        Assert.Equal(1L, SqliteFile.Sql(path, "SELECT max(version) FROM workspace_schema_version"));
        WorkspaceInfo team = store.FindWorkspaceByKey("key-hash")!;
        Assert.Equal(("team", true), (team.Name, team.MayAdopt));
    }

    [Fact]
    public void Open_NewerWorkspaceTables_AreRefusedWithOneLineForWritingAndReading()
    {
        string path = _folder.File("future.db");
        new SqliteWorkspaceStore(path).Dispose();
        SqliteFile.Sql(path, "INSERT INTO workspace_schema_version (version, applied_at) VALUES (99, 'later')");

        var writing = Assert.Throws<Nomadic.Storage.StorageException>(() => new SqliteWorkspaceStore(path));
        var reading = Assert.Throws<Nomadic.Storage.StorageException>(() => new SqliteWorkspaceStore(path, new SqliteStorageOptions { ReadOnly = true }));

        Assert.Equal($"{path}: the workspace tables are at version 99, newer than this Nomadic.Workspace knows ({WorkspaceMigrations.Latest}); upgrade it, the database was left unchanged.", writing.Message);
        Assert.Equal(writing.Message, reading.Message);
    }
}
