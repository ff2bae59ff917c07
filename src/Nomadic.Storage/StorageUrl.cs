using System.Text.RegularExpressions;
using Nomadic.Cli.Output;
using Nomadic.Storage;
using Nomadic.Storage.Postgres;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Storage;

/// <summary>
/// Where experiments are kept, as the user wrote it: <c>sqlite:PATH</c>, <c>sqlite:///ABSOLUTE/PATH</c> or a path
/// ending in <c>.db</c> (a SQLite file); <c>postgresql://...</c>, <c>postgres://...</c> or <c>Host=...</c> (PostgreSQL);
/// <c>memory</c> (this process only). Parsing checks the form; <see cref="Open"/> connects.
/// </summary>
internal sealed partial class StorageUrl
{
    /// <summary>The file a storage defaults to, in the experiment file's folder or the current one.</summary>
    public const string DefaultFileName = "nomadic.db";

    private const string SqliteExtension = ".db";

    /// <summary>The accepted forms, for messages and help.</summary>
    public const string Forms =
        "sqlite:PATH, sqlite:///ABSOLUTE/PATH, a file path ending in .db, postgresql://USER:PASSWORD@HOST:PORT/DATABASE, postgres://..., Host=HOST;Database=...;Username=... or memory";

    /// <summary>The settings of a SQLite storage opened by a command that only reads.</summary>
    public static readonly SqliteStorageOptions ReadOnlySqlite = new() { ReadOnly = true };

    private StorageUrl(StorageKind kind, string target)
    {
        Kind = kind;
        Target = target;
    }

    public StorageKind Kind { get; }

    /// <summary>Gets the SQLite file's full path, or the PostgreSQL connection string; empty for memory.</summary>
    public string Target { get; }

    /// <summary>Gets the SQLite file <see cref="DefaultFileName"/> in a folder.</summary>
    public static StorageUrl DefaultIn(string folder) => new(StorageKind.Sqlite, Path.GetFullPath(DefaultFileName, folder));

    /// <summary>Parses a storage URL.</summary>
    /// <param name="text">The URL as given.</param>
    /// <param name="folder">The folder a relative SQLite path is resolved against.</param>
    /// <returns>The storage's location.</returns>
    /// <exception cref="InputException">The text is none of the accepted forms, or a malformed PostgreSQL connection string.</exception>
    public static StorageUrl Parse(string text, string folder)
    {
        string url = text.Trim();
        if (url.Equals("memory", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageUrl(StorageKind.Memory, "");
        }

        if (url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || HostKey().IsMatch(url))
        {
            CheckPostgres(url);
            return new StorageUrl(StorageKind.Postgres, url);
        }

        string? path = url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? SqlitePath(url["sqlite:".Length..])
            : url.EndsWith(SqliteExtension, StringComparison.OrdinalIgnoreCase) ? url
            : null;
        return string.IsNullOrWhiteSpace(path)
            ? throw new InputException($"unrecognized storage \"{Redact(text)}\"; expected {Forms}")
            : new StorageUrl(StorageKind.Sqlite, Path.GetFullPath(path, folder));
    }

    /// <summary>
    /// Tells an existing SQLite storage by its name alone (a path ending in .db, as <see cref="Parse"/> reads it), for
    /// the commands that also accept result files: reading the file to find out would drop the locks of any SQLite
    /// connection this process has open on it.
    /// </summary>
    public static bool IsSqliteFile(string path) => path.EndsWith(SqliteExtension, StringComparison.OrdinalIgnoreCase) && File.Exists(path);

    /// <summary>Opens the storage, creating a SQLite file that does not exist yet.</summary>
    /// <param name="retryBudget">How long to keep retrying an unreachable PostgreSQL server; the storage's default (a minute) when null.</param>
    /// <returns>The storage; the caller disposes it.</returns>
    /// <exception cref="StorageException">The storage cannot be opened.</exception>
    public IExperimentStorage Open(TimeSpan? retryBudget = null) => Kind switch
    {
        StorageKind.Sqlite => new SqliteExperimentStorage(Target),
        StorageKind.Postgres => new PostgresExperimentStorage(Target, retryBudget is TimeSpan budget ? new PostgresStorageOptions { RetryBudget = budget } : null),
        _ => new InMemoryExperimentStorage(),
    };

    /// <summary>
    /// Opens a storage that must already hold experiments: a missing SQLite file is an error, not created, and so is a
    /// PostgreSQL database without the storage's schema, which is left without it.
    /// </summary>
    /// <param name="retryBudget">How long to keep retrying an unreachable PostgreSQL server; the storage's default (a minute) when null.</param>
    /// <returns>The storage; the caller disposes it.</returns>
    /// <exception cref="InputException">The SQLite file does not exist, or the PostgreSQL database holds no storage.</exception>
    public IExperimentStorage OpenExisting(TimeSpan? retryBudget = null)
    {
        EnsureFileExists();
        if (Kind == StorageKind.Postgres)
        {
            OpenPostgresForReading(retryBudget).Dispose();
        }

        return Open(retryBudget);
    }

    /// <summary>
    /// Opens a storage for the commands that only read, which never change it: a SQLite file is opened read-only (an
    /// empty file holds no experiments), a missing one is an error, not created; a PostgreSQL database is read in
    /// read-only transactions, and one without the storage's schema is an error, its schema not created.
    /// </summary>
    /// <param name="retryBudget">How long to keep retrying an unreachable PostgreSQL server; the storage's default (a minute) when null.</param>
    /// <returns>The storage; the caller disposes it, and writes to it fail.</returns>
    /// <exception cref="InputException">The SQLite file does not exist, or the PostgreSQL database holds no storage.</exception>
    public IExperimentStorage OpenForReading(TimeSpan? retryBudget = null)
    {
        EnsureFileExists();
        return Kind switch
        {
            StorageKind.Sqlite => new SqliteExperimentStorage(Target, ReadOnlySqlite),
            StorageKind.Postgres => OpenPostgresForReading(retryBudget),
            _ => Open(retryBudget),
        };
    }

    /// <summary>Gets the location for messages: a SQLite path as the user would type it, a connection without its password.</summary>
    public override string ToString() => Kind switch
    {
        StorageKind.Sqlite => DisplayText.Path(Target),
        StorageKind.Postgres => Redact(Target),
        _ => "memory",
    };

    private void EnsureFileExists()
    {
        if (Kind == StorageKind.Sqlite && !File.Exists(Target))
        {
            throw new InputException($"{this}: no such storage file (run an experiment first, or name the storage with --storage)");
        }
    }

    private PostgresExperimentStorage OpenPostgresForReading(TimeSpan? retryBudget)
    {
        var options = new PostgresStorageOptions { ReadOnly = true, RetryBudget = retryBudget ?? new PostgresStorageOptions().RetryBudget };
        var storage = new PostgresExperimentStorage(Target, options);
        if (!storage.HasSchema)
        {
            storage.Dispose();
            throw new InputException($"{storage.Location}: no experiment storage in this database (run an experiment with this --storage first, or name another storage)");
        }

        return storage;
    }

    // Checked by the storage's own parser before anything connects; its messages never hold the password.
    private static void CheckPostgres(string text)
    {
        try
        {
            PostgresConnectionString.Parse(text);
        }
        catch (ConnectionStringException e)
        {
            throw new InputException("invalid PostgreSQL storage: " + e.Problem);
        }
    }

    // "sqlite:///abs/path" is a URL with an empty host before the absolute path; "sqlite:rel/path" is relative.
    private static string SqlitePath(string rest) => rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..] : rest;

    private static string Redact(string text) => Password().Replace(UrlPassword().Replace(text, "${user}:***@"), "${key}=***");

    [GeneratedRegex(@"(^|;)\s*host\s*=", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HostKey();

    [GeneratedRegex("(?<user>//[^:/@]*):[^@/]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex("(?<key>password|pwd)\\s*=\\s*[^;]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
