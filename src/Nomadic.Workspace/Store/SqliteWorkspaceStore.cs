using System.Data.Common;
using Microsoft.Data.Sqlite;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Workspace.Store;

/// <summary>
/// The workspace tables in the SQLite file of a <see cref="SqliteExperimentStorage"/>: one file holds the experiments,
/// their runs and the workspaces, so the server, the command line and workers on this machine share it.
/// </summary>
public sealed class SqliteWorkspaceStore : IWorkspaceStore
{
    private readonly Store _store;

    /// <summary>Initializes a new instance of the <see cref="SqliteWorkspaceStore"/> class, creating the file and the tables it lacks.</summary>
    /// <param name="path">The SQLite file, the same one the experiment storage uses.</param>
    /// <exception cref="Nomadic.Storage.StorageException">The file is not a Nomadic database.</exception>
    public SqliteWorkspaceStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = System.IO.Path.GetFullPath(path);

        // The experiment storage checks and creates its schema first: it refuses a file that holds tables but not its own.
        new SqliteExperimentStorage(fullPath).Dispose();
        _store = new Store(fullPath);
    }

    /// <summary>Gets the SQLite file's full path.</summary>
    public string Path => _store.FilePath;

    /// <inheritdoc />
    public WorkspaceInfo CreateWorkspace(string name, DateTimeOffset now) => _store.CreateWorkspace(name, now);

    /// <inheritdoc />
    public WorkspaceInfo? FindWorkspace(string name) => _store.FindWorkspace(name);

    /// <inheritdoc />
    public ApiKeyInfo AddKey(long workspaceId, string keyHash, string prefix, DateTimeOffset now) => _store.AddKey(workspaceId, keyHash, prefix, now);

    /// <inheritdoc />
    public IReadOnlyList<ApiKeyInfo> ListKeys(long workspaceId) => _store.ListKeys(workspaceId);

    /// <inheritdoc />
    public bool RevokeKey(long workspaceId, long keyId, DateTimeOffset now) => _store.RevokeKey(workspaceId, keyId, now);

    /// <inheritdoc />
    public WorkspaceInfo? FindWorkspaceByKey(string keyHash) => _store.FindWorkspaceByKey(keyHash);

    /// <inheritdoc />
    public WorkspaceExperiment AddExperiment(WorkspaceExperiment experiment) => _store.AddExperiment(experiment);

    /// <inheritdoc />
    public WorkspaceExperiment? FindExperimentOwner(string storageName) => _store.FindExperimentOwner(storageName);

    /// <inheritdoc />
    public IReadOnlyList<WorkspaceExperiment> ListExperiments(long workspaceId) => _store.ListExperiments(workspaceId);

    /// <inheritdoc />
    public bool RenameExperiment(long workspaceId, long experimentId, string displayName) => _store.RenameExperiment(workspaceId, experimentId, displayName);

    /// <inheritdoc />
    public bool RemoveExperiment(long workspaceId, long experimentId) => _store.RemoveExperiment(workspaceId, experimentId);

    /// <inheritdoc />
    public void CreateResult(ResultRecord result, IReadOnlyList<RunRecord> runs) => _store.CreateResult(result, runs);

    /// <inheritdoc />
    public ResultRecord? FindResult(long workspaceId, Guid id) => _store.FindResult(workspaceId, id);

    /// <inheritdoc />
    public IReadOnlyList<ResultRecord> ListResults(long workspaceId) => _store.ListResults(workspaceId);

    /// <inheritdoc />
    public bool ReplaceResult(ResultRecord result, IReadOnlyList<RunRecord> runs) => _store.ReplaceResult(result, runs);

    /// <inheritdoc />
    public RunUpsert? UpsertRuns(long workspaceId, Guid id, IReadOnlyList<RunRecord> runs, DateTimeOffset now) => _store.UpsertRuns(workspaceId, id, runs, now);

    /// <inheritdoc />
    public IReadOnlyList<RunRecord> ReadRuns(long workspaceId, Guid id) => _store.ReadRuns(workspaceId, id);

    /// <inheritdoc />
    public bool DeleteResult(long workspaceId, Guid id) => _store.DeleteResult(workspaceId, id);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();

    private sealed class Store : DbWorkspaceStore
    {
        private readonly string _connectionString;

        public Store(string path)
            : base("")
        {
            FilePath = path;
            _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString();
            Migrate("INTEGER PRIMARY KEY AUTOINCREMENT", null);
        }

        public string FilePath { get; }

        public override void Dispose()
            {
                using var connection = new SqliteConnection(_connectionString);
                SqliteConnection.ClearPool(connection);
            }

        protected override DbConnection Open()
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using SqliteCommand pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000";
            pragma.ExecuteNonQuery();
            return connection;
        }
    }
}
