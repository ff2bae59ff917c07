using System.Data.Common;
using Microsoft.Data.Sqlite;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Workspace.Store;

/// <summary>
/// The workspace tables in the SQLite file of a <see cref="SqliteExperimentStorage"/>: one file holds the experiments,
/// their runs and the workspaces, so the server, the command line and workers on this machine share it.
/// </summary>
public sealed class SqliteWorkspaceStore : DbWorkspaceStore
{
    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="SqliteWorkspaceStore"/> class, creating the file and the tables it lacks.</summary>
    /// <param name="path">The SQLite file, the same one the experiment storage uses.</param>
    /// <exception cref="Nomadic.Storage.StorageException">The file is not a Nomadic database.</exception>
    public SqliteWorkspaceStore(string path)
        : base("")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);

        // The experiment storage checks and creates its schema first: it refuses a file that holds tables but not its own.
        new SqliteExperimentStorage(Path).Dispose();
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString();
        Migrate("INTEGER PRIMARY KEY AUTOINCREMENT", null);
    }

    /// <summary>Gets the SQLite file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc />
    private protected override IReadOnlyCollection<string> ColumnsOf(DbSession session, string table) =>
        session.Query("SELECT name FROM pragma_table_info(@table)", r => r.GetString(0), ("table", table));

    /// <inheritdoc />
    private protected override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
