using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Workspace.Store;

/// <summary>
/// The workspace tables in the SQLite file of a <see cref="SqliteExperimentStorage"/>: one file holds the experiments,
/// their runs and the workspaces, so the server, the command line and workers on this machine share it.
/// </summary>
/// <remarks>
/// The store only ever opens the file through SQLite, so other SQLite clients (the sqlite3 shell, a script) may read it
/// while the store is open without taking this process's locks away.
/// </remarks>
public sealed class SqliteWorkspaceStore : DbWorkspaceStore
{
    private const string AutoIncrementKey = "INTEGER PRIMARY KEY AUTOINCREMENT";
    private readonly string _connectionString;
    private readonly string _busyTimeout;
    private readonly bool _readOnly;

    /// <summary>Initializes a new instance of the <see cref="SqliteWorkspaceStore"/> class, creating the file and the tables it lacks, or upgrading them.</summary>
    /// <param name="path">The SQLite file, the same one the experiment storage uses.</param>
    /// <param name="options">
    /// The settings; of them the store uses <see cref="SqliteStorageOptions.BusyTimeout"/> and
    /// <see cref="SqliteStorageOptions.ReadOnly"/>, which opens an existing file without creating any table: a file
    /// without the workspace tables then reads as holding no workspace. Defaults when omitted.
    /// </param>
    /// <exception cref="Nomadic.Storage.StorageException">
    /// The file is not a Nomadic database, its workspace tables are newer than this code, or it is opened read-only and
    /// does not exist.
    /// </exception>
    public SqliteWorkspaceStore(string path, SqliteStorageOptions? options = null)
        : base("")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new SqliteStorageOptions();
        Path = System.IO.Path.GetFullPath(path);

        // The experiment storage checks and creates its schema first: it refuses a file that holds tables but not its own.
        new SqliteExperimentStorage(Path, options).Dispose();
        _readOnly = options.ReadOnly;
        _busyTimeout = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = _readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        if (_readOnly)
        {
            CheckVersion(Path);
        }
        else
        {
            Migrate(AutoIncrementKey, null, Path);
        }
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
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + _busyTimeout;
        command.ExecuteNonQuery();
        if (_readOnly)
        {
            ShadowMissingTables(command);
        }

        return connection;
    }

    // A read-only connection cannot create the tables or columns a file lacks. Temporary objects of the same names,
    // visible to this connection only and never written to the file, stand in: an empty table for a missing one (the
    // file then reads as holding no workspace), and for a table older than a column, a view adding that column with
    // the default its upgrade would give.
    private static void ShadowMissingTables(SqliteCommand command)
    {
        foreach (string statement in WorkspaceSchema.Statements.Where(s => s.StartsWith("CREATE TABLE", StringComparison.Ordinal)))
        {
            string table = statement.Split((char[])[' ', '(', '\n'], StringSplitOptions.RemoveEmptyEntries)[5].Replace("{p}", "", StringComparison.Ordinal);
            HashSet<string> columns = ColumnsOf(command, table);
            if (columns.Count == 0)
            {
                command.CommandText = statement
                    .Replace("CREATE TABLE", "CREATE TEMP TABLE", StringComparison.Ordinal)
                    .Replace("{p}", "", StringComparison.Ordinal)
                    .Replace("{id}", AutoIncrementKey, StringComparison.Ordinal);
                command.ExecuteNonQuery();
                continue;
            }

            string[] added = WorkspaceSchema.AddedColumns
                .Where(c => c.Table == table && !columns.Contains(c.Column))
                .Select(c => $"{DefaultOf(c.Definition)} AS {c.Column}")
                .ToArray();
            if (added.Length > 0)
            {
                command.CommandText = $"CREATE TEMP VIEW IF NOT EXISTS {table} AS SELECT *, {string.Join(", ", added)} FROM main.{table}";
                command.ExecuteNonQuery();
            }
        }
    }

    private static HashSet<string> ColumnsOf(SqliteCommand command, string table)
    {
        command.CommandText = "SELECT name FROM pragma_table_info($table, 'main')";
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$table", table);
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        command.Parameters.Clear();
        return columns;
    }

    private static string DefaultOf(string definition) =>
        definition[(definition.LastIndexOf(" DEFAULT ", StringComparison.Ordinal) + " DEFAULT ".Length)..];
}
