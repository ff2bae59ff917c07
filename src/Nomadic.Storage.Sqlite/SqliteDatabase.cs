using System.Globalization;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace Nomadic.Storage.Sqlite;

/// <summary>
/// One database file: checks and migrates it once when opened (or only checks it, read-only), then runs each operation
/// on a pooled session, in one transaction for writes, retrying when the file stays locked beyond the busy timeout.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNotADatabase = 26;

    private readonly int _busySeconds;
    private readonly int _attempts;
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SqliteSessionPool _pool;
    private readonly ResiliencePipeline _retry;
    private readonly Lock _writeGate = new();
    private volatile bool _hasTables;

    public SqliteDatabase(string path, SqliteStorageOptions options)
    {
        _busySeconds = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        _attempts = options.MaxRetries + 1;
        Path = path;
        IsReadOnly = options.ReadOnly;
        if (IsReadOnly && !File.Exists(path))
        {
            throw new StorageException($"{path}: no such database file.");
        }

        if (!IsReadOnly)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = IsReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = _busySeconds,
        }.ToString();
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = {(options.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};");
        _pool = new SqliteSessionPool(Open, Math.Max(4, Environment.ProcessorCount));
        _retry = BuildRetry(options.MaxRetries);
        try
        {
            // SQLite itself refuses a file that is not a database (SQLITE_NOTADB) when it first reads it.
            _hasTables = IsReadOnly ? Run(session => SqliteSchema.Check(session, path)) : Run(session =>
            {
                SqliteSchema.Migrate(session, path);
                return true;
            });
        }
        catch (Exception e)
        {
            _pool.Dispose();
            if (e is StorageException { InnerException: SqliteException inner } && PrimaryCode(inner) == SqliteNotADatabase)
            {
                throw new StorageException($"{path} is not a Nomadic database: it is not a SQLite file.", inner);
            }

            throw;
        }
    }

    public string Path { get; }

    /// <summary>Gets whether the file was opened read-only: nothing is created, migrated or written.</summary>
    public bool IsReadOnly { get; }

    /// <summary>
    /// Gets whether the file holds Nomadic's tables. Always true once opened for writing; a file opened read-only that
    /// was empty is looked at again, so tables another process creates meanwhile are seen.
    /// </summary>
    public bool HasTables => _hasTables || (_hasTables = Run(session => SqliteSchema.Check(session, Path)));

    /// <summary>Runs reads that need no transaction (a single statement sees one consistent snapshot).</summary>
    public T Read<T>(Func<SqliteSession, T> work) => Run(work);

    /// <summary>Runs an operation in one immediate transaction, holding the write lock from its first statement.</summary>
    /// <remarks>
    /// SQLite admits one writer at a time and makes the others sleep and poll; this process's writers queue on a lock
    /// instead, which hands the file over at once, so only other processes ever wait on SQLite's busy handler.
    /// </remarks>
    /// <exception cref="StorageException">The file was opened read-only.</exception>
    public T Write<T>(Func<SqliteSession, T> work)
    {
        if (IsReadOnly)
        {
            throw new StorageException($"{Path} was opened read-only; nothing was written.");
        }

        return Run(session =>
        {
            lock (_writeGate)
            {
                session.Execute("BEGIN IMMEDIATE");
                T result = work(session);
                session.Execute("COMMIT");
                return result;
            }
        });
    }

    public void Dispose() => _pool.Dispose();

    private static int PrimaryCode(SqliteException e) => e.SqliteErrorCode & 0xFF;

    private static bool IsBusy(SqliteException e) => PrimaryCode(e) is SqliteBusy or SqliteLocked;

    private static ResiliencePipeline BuildRetry(int maxRetries) => maxRetries == 0
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<SqliteException>(IsBusy),
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
        }).Build();

    private T Run<T>(Func<SqliteSession, T> work)
    {
        try
        {
            return _retry.Execute(() =>
            {
                SqliteSession session = _pool.Take();
                T result;
                try
                {
                    result = work(session);
                }
                catch
                {
                    // Closing the connection rolls back whatever the failed operation had begun.
                    session.Dispose();
                    throw;
                }

                _pool.Return(session);
                return result;
            });
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            throw new StorageException($"{Path}: the database stayed locked by another process for over {(long)_attempts * _busySeconds} s; retry later or raise SqliteStorageOptions.BusyTimeout.", e);
        }
        catch (SqliteException e)
        {
            throw new StorageException($"{Path}: {e.Message}", e);
        }
    }

    private SqliteSession Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var session = new SqliteSession(connection);
            session.ExecuteScript(_pragmas);
            return session;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
