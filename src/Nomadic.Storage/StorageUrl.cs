using Nomadic.Storage.Postgres;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Storage;

/// <summary>
/// Where experiments are kept, as the user wrote it: <c>sqlite:PATH</c>, <c>sqlite:///ABSOLUTE/PATH</c> or a path
/// ending in <c>.db</c> (a SQLite file); <c>postgresql://...</c>, <c>postgres://...</c> or <c>Host=...</c> (PostgreSQL);
/// <c>memory</c> (this process only). Parsing checks the form; <see cref="Open"/> connects.
/// </summary>
public sealed class StorageUrl
{
    /// <summary>The file a storage defaults to, in the experiment file's folder or the current one.</summary>
    public const string DefaultFileName = "nomadic.db";

    /// <summary>The accepted forms, for messages and help.</summary>
    public const string Forms =
        "sqlite:PATH, sqlite:///ABSOLUTE/PATH, a file path ending in .db, postgresql://USER:PASSWORD@HOST:PORT/DATABASE, postgres://..., Host=HOST;Database=...;Username=... or memory";

    private const string SqliteExtension = ".db";

    private StorageUrl(StorageKind kind, string target)
    {
        Kind = kind;
        Target = target;
    }

    /// <summary>Gets the kind of storage.</summary>
    public StorageKind Kind { get; }

    /// <summary>Gets the SQLite file's full path, or the PostgreSQL connection string (with its password); empty for memory.</summary>
    public string Target { get; }

    /// <summary>Gets the SQLite file <see cref="DefaultFileName"/> in a folder.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The storage's location.</returns>
    public static StorageUrl DefaultIn(string folder) => new(StorageKind.Sqlite, Path.GetFullPath(DefaultFileName, folder));

    /// <summary>Parses a storage URL.</summary>
    /// <param name="text">The URL as given.</param>
    /// <param name="folder">The folder a relative SQLite path is resolved against.</param>
    /// <returns>The storage's location.</returns>
    /// <exception cref="FormatException">
    /// The text is none of the accepted forms, or a malformed PostgreSQL connection string; the message is one line and
    /// never holds the password.
    /// </exception>
    public static StorageUrl Parse(string text, string folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        string url = text.Trim();
        if (url.Equals("memory", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageUrl(StorageKind.Memory, "");
        }

        if (url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || ConnectionText.HasKey(url, "host"))
        {
            CheckPostgres(url);
            return new StorageUrl(StorageKind.Postgres, url);
        }

        string? path = url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? SqlitePath(url["sqlite:".Length..])
            : url.EndsWith(SqliteExtension, StringComparison.OrdinalIgnoreCase) ? url
            : null;
        return string.IsNullOrWhiteSpace(path)
            ? throw new FormatException($"unrecognized storage \"{ConnectionText.Redact(text)}\"; expected {Forms}")
            : new StorageUrl(StorageKind.Sqlite, Path.GetFullPath(path, folder));
    }

    /// <summary>
    /// Tells an existing SQLite storage by its name alone (a path ending in .db, as <see cref="Parse"/> reads it), for
    /// callers that also accept result files: reading the file to find out would drop the locks of any SQLite
    /// connection this process has open on it.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>Whether it names an existing SQLite file.</returns>
    public static bool IsSqliteFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(SqliteExtension, StringComparison.OrdinalIgnoreCase) && File.Exists(path);
    }

    /// <summary>Opens the storage, creating a SQLite file that does not exist yet (unless read-only).</summary>
    /// <param name="options">How to open it; the defaults when omitted.</param>
    /// <returns>The storage; the caller disposes it.</returns>
    /// <exception cref="StorageException">The storage cannot be opened.</exception>
    public IExperimentStorage Open(StorageOpenOptions? options = null) => Kind switch
    {
        StorageKind.Sqlite => new SqliteExperimentStorage(Target, options is { ReadOnly: true } ? new SqliteStorageOptions { ReadOnly = true } : null),
        StorageKind.Postgres => new PostgresExperimentStorage(Target, PostgresOptions(options)),
        _ => new InMemoryExperimentStorage(),
    };

    /// <summary>Gets the location for messages: a SQLite path, a PostgreSQL connection without its password, or <c>memory</c>.</summary>
    /// <returns>The location, safe to print.</returns>
    public override string ToString() => Kind switch
    {
        StorageKind.Sqlite => Target,
        StorageKind.Postgres => ConnectionText.Redact(Target),
        _ => "memory",
    };

    private static PostgresStorageOptions? PostgresOptions(StorageOpenOptions? options) => options is null ? null : new PostgresStorageOptions
    {
        ReadOnly = options.ReadOnly,
        RetryBudget = options.RetryBudget ?? new PostgresStorageOptions().RetryBudget,
    };

    // Checked by the storage's own parser before anything connects; its messages never hold the password.
    private static void CheckPostgres(string text)
    {
        try
        {
            PostgresConnectionString.Parse(text);
        }
        catch (ConnectionStringException e)
        {
            throw new FormatException("invalid PostgreSQL storage: " + e.Problem, e);
        }
    }

    // "sqlite:///abs/path" is a URL with an empty host before the absolute path; "sqlite:rel/path" is relative.
    private static string SqlitePath(string rest) => rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..] : rest;
}
