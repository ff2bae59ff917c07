using Nomadic.Cli.Output;
using Nomadic.Storage;
using Nomadic.Storage.Postgres;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Storage;

/// <summary>How the commands open a <see cref="StorageUrl"/>: those that read or join stored experiments require them to exist.</summary>
internal static class StorageUrlExtensions
{
    /// <summary>The settings of a SQLite storage opened by a command that only reads.</summary>
    public static readonly SqliteStorageOptions ReadOnlySqlite = new() { ReadOnly = true };

    /// <summary>
    /// Opens a storage that must already hold experiments: a missing SQLite file is an error, not created, and so is a
    /// PostgreSQL database without the storage's schema, which is left without it.
    /// </summary>
    /// <param name="url">The storage.</param>
    /// <param name="retryBudget">How long to keep retrying an unreachable PostgreSQL server; the storage's default (a minute) when null.</param>
    /// <returns>The storage; the caller disposes it.</returns>
    /// <exception cref="InputException">The SQLite file does not exist, or the PostgreSQL database holds no storage.</exception>
    public static IExperimentStorage OpenExisting(this StorageUrl url, TimeSpan? retryBudget = null)
    {
        EnsureFileExists(url);
        if (url.Kind == StorageKind.Postgres)
        {
            OpenPostgresForReading(url, retryBudget).Dispose();
        }

        return url.Open(retryBudget is null ? null : new StorageOpenOptions { RetryBudget = retryBudget });
    }

    /// <summary>
    /// Opens a storage for the commands that only read, which never change it: a SQLite file is opened read-only (an
    /// empty file holds no experiments), a missing one is an error, not created; a PostgreSQL database is read in
    /// read-only transactions, and one without the storage's schema is an error, its schema not created.
    /// </summary>
    /// <param name="url">The storage.</param>
    /// <param name="retryBudget">How long to keep retrying an unreachable PostgreSQL server; the storage's default (a minute) when null.</param>
    /// <returns>The storage; the caller disposes it, and writes to it fail.</returns>
    /// <exception cref="InputException">The SQLite file does not exist, or the PostgreSQL database holds no storage.</exception>
    public static IExperimentStorage OpenForReading(this StorageUrl url, TimeSpan? retryBudget = null)
    {
        EnsureFileExists(url);
        return url.Kind switch
        {
            StorageKind.Sqlite => url.Open(new StorageOpenOptions { ReadOnly = true }),
            StorageKind.Postgres => OpenPostgresForReading(url, retryBudget),
            _ => url.Open(),
        };
    }

    /// <summary>Gets the location for messages: a SQLite path as the user would type it, a connection without its password.</summary>
    public static string Display(this StorageUrl url) => url.Kind == StorageKind.Sqlite ? DisplayText.Path(url.Target) : url.ToString();

    private static void EnsureFileExists(StorageUrl url)
    {
        if (url.Kind == StorageKind.Sqlite && !File.Exists(url.Target))
        {
            throw new InputException($"{url.Display()}: no such storage file (run an experiment first, or name the storage with --storage)");
        }
    }

    private static PostgresExperimentStorage OpenPostgresForReading(StorageUrl url, TimeSpan? retryBudget)
    {
        var storage = (PostgresExperimentStorage)url.Open(new StorageOpenOptions { ReadOnly = true, RetryBudget = retryBudget ?? new PostgresStorageOptions().RetryBudget });
        if (!storage.HasSchema)
        {
            storage.Dispose();
            throw new InputException($"{storage.Location}: no experiment storage in this database (run an experiment with this --storage first, or name another storage)");
        }

        return storage;
    }
}
