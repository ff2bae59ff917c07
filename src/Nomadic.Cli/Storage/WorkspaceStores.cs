using Nomadic.Storage;
using Nomadic.Storage.Postgres;
using Nomadic.Workspace.Store;
using Npgsql;

namespace Nomadic.Cli.Storage;

/// <summary>Opens the Workspace's tables beside the experiment storage a <see cref="StorageUrl"/> names.</summary>
internal static class WorkspaceStores
{
    /// <summary>Opens the workspace store in the same SQLite file or PostgreSQL database as the experiments.</summary>
    /// <exception cref="InputException">The storage is in memory, which no server or other process can share.</exception>
    public static IWorkspaceStore Open(StorageUrl url) => url.Kind switch
    {
        StorageKind.Sqlite => new SqliteWorkspaceStore(url.Target),
        StorageKind.Postgres => new PostgresWorkspaceStore(url.Target),
        _ => throw NotShared(),
    };

    /// <summary>
    /// Opens the workspace store for a command that only reads: a SQLite file is opened read-only and never changed,
    /// and a PostgreSQL database without the workspace tables is left without them.
    /// </summary>
    /// <returns>The store, or <see langword="null"/> when the SQLite file does not exist (so it holds no workspace).</returns>
    /// <exception cref="InputException">The storage is in memory, or the PostgreSQL database has no workspace tables.</exception>
    public static IWorkspaceStore? OpenForReading(StorageUrl url) => url.Kind switch
    {
        StorageKind.Sqlite => File.Exists(url.Target) ? new SqliteWorkspaceStore(url.Target, StorageUrlExtensions.ReadOnlySqlite) : null,
        StorageKind.Postgres => OpenPostgresForReading(url.Target),
        _ => throw NotShared(),
    };

    // A read-only store reads a database without the tables as empty, so one without them is found out first, to say so.
    private static PostgresWorkspaceStore OpenPostgresForReading(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse(connectionString);
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand(
                "SELECT to_regclass('nomadic.workspaces') IS NOT NULL AND to_regclass('nomadic.workspace_api_keys') IS NOT NULL", connection);
            if (command.ExecuteScalar() is not true)
            {
                throw new InputException(
                    $"{PostgresConnectionString.Describe(builder)}: no workspace store in this database (nomadic serve or nomadic workspace key create makes one)");
            }
        }

        return new PostgresWorkspaceStore(connectionString, new PostgresStorageOptions { ReadOnly = true });
    }

    private static InputException NotShared() =>
        new("the Workspace needs a storage other processes can share: a SQLite file or PostgreSQL, not memory");
}
