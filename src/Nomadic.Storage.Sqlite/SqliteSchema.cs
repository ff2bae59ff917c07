using Microsoft.Data.Sqlite;

namespace Nomadic.Storage.Sqlite;

/// <summary>
/// Checks a database file before anything is written to it and brings its schema up to date. A file that is not
/// SQLite, holds another application's tables, or comes from a newer Nomadic is refused and left untouched.
/// </summary>
internal static class SqliteSchema
{
    private const string VersionTable = "nomadic_schema";
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>Refuses an existing, non-empty file that does not start with SQLite's header.</summary>
    public static void EnsureSqliteFile(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        Span<byte> header = stackalloc byte[SqliteHeader.Length];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (stream.Length == 0)
            {
                return;
            }

            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteHeader))
            {
                return;
            }
        }

        throw new StorageException($"{path} is not a Nomadic database: it is not a SQLite file.");
    }

    /// <summary>
    /// Creates or upgrades the schema under a write lock, so processes opening a new file at the same moment create it
    /// once; then switches the file to write-ahead logging.
    /// </summary>
    public static void Migrate(SqliteSession session, string path)
    {
        // The caller closes the connection when this throws, which rolls the transaction back without writing.
        session.Execute("BEGIN IMMEDIATE");
        int version = ReadVersion(session, path);
        if (version > SchemaMigrations.CurrentVersion)
        {
            throw new StorageException($"{path}: database schema version {version} is newer than this Nomadic supports ({SchemaMigrations.CurrentVersion}); upgrade Nomadic.");
        }

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

    private static int ReadVersion(SqliteSession session, string path)
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
            return 0;
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
