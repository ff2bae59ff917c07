using Microsoft.Data.Sqlite;

namespace Nomadic.Storage.Sqlite;

/// <summary>
/// Checks a database file's schema before anything is written to it and brings it up to date. A file that holds
/// another application's tables or comes from a newer Nomadic is refused and left untouched; one that is not SQLite at
/// all is refused by SQLite itself when first read (see <see cref="SqliteDatabase"/>).
/// </summary>
/// <remarks>
/// Nothing here opens the file other than through SQLite: SQLite's locks are POSIX locks, which Linux drops for the whole
/// process when it closes any descriptor of the file, so a stray open and close would leave this process's connections
/// unprotected from other processes.
/// </remarks>
internal static class SqliteSchema
{
    private const string VersionTable = "nomadic_schema";

    /// <summary>
    /// Reads the schema version without writing anything, for a storage opened read-only: refuses a file of a newer or
    /// an older version, or one holding another application's tables.
    /// </summary>
    /// <returns>Whether the file holds Nomadic's tables; an empty or table-less file holds none.</returns>
    public static bool Check(SqliteSession session, string path)
    {
        if (ReadVersion(session, path) is not int version)
        {
            return false;
        }

        EnsureNotNewer(version, path);
        if (version < SchemaMigrations.CurrentVersion)
        {
            throw new StorageException($"{path}: database schema version {version} is older than this Nomadic's ({SchemaMigrations.CurrentVersion}); open it once for writing (nomadic run, or SqliteExperimentStorage without ReadOnly) to upgrade it.");
        }

        return true;
    }

    /// <summary>
    /// Creates or upgrades the schema under a write lock, so processes opening a new file at the same moment create it
    /// once; then switches the file to write-ahead logging.
    /// </summary>
    public static void Migrate(SqliteSession session, string path)
    {
        // The caller closes the connection when this throws, which rolls the transaction back without writing.
        session.Execute("BEGIN IMMEDIATE");
        int version = ReadVersion(session, path) ?? 0;
        EnsureNotNewer(version, path);

        for (int step = version; step < SchemaMigrations.CurrentVersion; step++)
        {
            session.ExecuteScript(SchemaMigrations.Steps[step]);
        }

        if (version < SchemaMigrations.CurrentVersion)
        {
            session.Execute("UPDATE nomadic_schema SET version = $version", ("$version", SchemaMigrations.CurrentVersion));
        }

        session.Execute("COMMIT");
        session.Execute("PRAGMA journal_mode = WAL");
    }

    private static void EnsureNotNewer(int version, string path)
    {
        if (version > SchemaMigrations.CurrentVersion)
        {
            throw new StorageException($"{path}: database schema version {version} is newer than this Nomadic supports ({SchemaMigrations.CurrentVersion}); upgrade Nomadic.");
        }
    }

    // Null when the file holds no tables at all (a new or empty file).
    private static int? ReadVersion(SqliteSession session, string path)
    {
        var tables = new List<string>();
        using (SqliteDataReader reader = session.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"))
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count == 0)
        {
            return null;
        }

        if (!tables.Contains(VersionTable))
        {
            throw new StorageException($"{path} is not a Nomadic database: it holds another application's tables ({string.Join(", ", tables.Take(5))}).");
        }

        return session.ScalarInt64("SELECT max(version) FROM nomadic_schema") is long version and >= 0 and <= int.MaxValue
            ? (int)version
            : throw new StorageException($"{path} is not a Nomadic database: its schema version is missing.");
    }
}
