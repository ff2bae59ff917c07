using Nomadic.Results;

namespace Nomadic.Storage.Sqlite;

/// <summary>
/// An <see cref="IExperimentStorage"/> in one SQLite file: the embedded default, safe for many threads and for several
/// processes on one machine sharing the file. It survives crashes: a killed worker's trials come back when their
/// leases expire.
/// </summary>
/// <remarks>
/// The file uses write-ahead logging, so readers never wait for writers and a commit costs no disk flush by default
/// (see <see cref="SqliteStorageOptions.Synchronous"/>). Each operation takes a pooled connection and runs in one
/// transaction; a trial is claimed under the write lock, so no configuration is ever claimed twice. Keep the file on a
/// local disk: SQLite's locking is not reliable over network file systems. Other SQLite clients (the sqlite3 shell, a
/// script) may read the file while it is open: the storage only ever opens it through SQLite, so its locks hold.
/// </remarks>
/// <example>
/// <code>
/// using var storage = new SqliteExperimentStorage("nomadic.db");
/// var experiment = new Experiment(space, objective, new ExperimentOptions { Name = "rag-sweep", Storage = storage });
/// </code>
/// </example>
public sealed class SqliteExperimentStorage : IExperimentStorage
{
    private readonly SqliteDatabase _database;
    private readonly SqliteExperiments _experiments;
    private readonly SqliteTrials _trials;

    /// <summary>
    /// Initializes a new instance of the <see cref="SqliteExperimentStorage"/> class, creating the file and its folders
    /// if missing, or only opening an existing file when <see cref="SqliteStorageOptions.ReadOnly"/> is set.
    /// </summary>
    /// <param name="path">The database file, absolute or relative to the current directory.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    /// <exception cref="ArgumentException">The path is empty or a setting is invalid.</exception>
    /// <exception cref="StorageException">
    /// The file is not a Nomadic database (not SQLite, or another application's tables), was written by a newer
    /// Nomadic, or cannot be opened; or it is opened read-only and does not exist or has an older schema. The file is
    /// left untouched.
    /// </exception>
    public SqliteExperimentStorage(string path, SqliteStorageOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new SqliteStorageOptions();
        options.Validate();
        Location = Path.GetFullPath(path);
        _database = new SqliteDatabase(Location, options);
        _experiments = new SqliteExperiments(_database, options.TimeProvider);
        _trials = new SqliteTrials(_database, options.TimeProvider);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _experiments.CreateOrOpen(definition);
    }

    /// <inheritdoc />
    public StoredExperiment? FindExperiment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _experiments.Find(name);
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredExperiment> ListExperiments() => _experiments.List();

    /// <inheritdoc />
    public StoredExperiment? FindExperiment(long id) => _experiments.Find(id);

    /// <inheritdoc />
    public IReadOnlyList<StoredExperimentSummary> ListExperimentSummaries() =>
        _experiments.Summaries();

    /// <inheritdoc />
    public bool DeleteExperiment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _experiments.Delete(name);
    }

    /// <inheritdoc />
    public ClaimResult TryClaim(ClaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _trials.TryClaim(request);
    }

    /// <inheritdoc />
    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(trialIds);
        ArgumentNullException.ThrowIfNull(workerId);
        return trialIds.Count == 0 ? 0 : _trials.RenewLeases(experimentId, trialIds, workerId, leaseExpiresAt);
    }

    /// <inheritdoc />
    public bool FinishTrial(long trialId, string workerId, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        ArgumentNullException.ThrowIfNull(run);
        return _trials.FinishTrial(trialId, workerId, run);
    }

    /// <inheritdoc />
    public void ReleaseTrial(long trialId, string workerId)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        _trials.ReleaseTrial(trialId, workerId);
    }

    /// <inheritdoc />
    public int ExpireLeases(long experimentId, DateTimeOffset now) => _trials.ExpireLeases(experimentId, now);

    /// <inheritdoc />
    public int RetryFailedTrials(long experimentId) => _trials.RetryFailedTrials(experimentId);

    /// <inheritdoc />
    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion) => _trials.ReadTrials(experimentId, afterVersion);

    /// <summary>Closes the storage's connections; the file stays as it is, ready to be opened again.</summary>
    public void Dispose() => _database.Dispose();
}
