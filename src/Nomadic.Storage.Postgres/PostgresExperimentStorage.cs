using Nomadic.Results;
using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// An <see cref="IExperimentStorage"/> in a PostgreSQL database: many workers on many machines share one experiment,
/// and it survives their crashes and a restart of the server.
/// </summary>
/// <remarks>
/// The tables live in their own schema (<see cref="PostgresStorageOptions.Schema"/>), created or upgraded when the
/// storage opens. Every change to an experiment's trials takes the experiment's row lock, in one round trip, so claims
/// are serialized and versions only grow; a partial unique index keeps each configuration to one trial that is not
/// abandoned. Transient failures (a server restart, a dropped connection) are retried within
/// <see cref="PostgresStorageOptions.RetryBudget"/>; a retried claim or finish whose first attempt committed unseen is
/// recognised, so it neither duplicates a trial nor loses a run. Safe to use from many threads; connections are pooled.
/// </remarks>
/// <example>
/// <code>
/// using var storage = new PostgresExperimentStorage("postgresql://nomadic:secret@db.internal:5432/experiments");
/// var options = new ExperimentOptions { Name = "rag-chunking", Storage = storage, NumSamples = 200 };
/// </code>
/// </example>
public sealed class PostgresExperimentStorage : IExperimentStorage
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresRetry _retry;
    private readonly ExperimentCommands _experiments;
    private readonly TrialCommands _trials;
    private readonly LeaseCommands _leases;
    private readonly TrialReader _reader;

    /// <summary>Initializes a new instance of the <see cref="PostgresExperimentStorage"/> class and creates or upgrades its schema.</summary>
    /// <param name="connectionString">
    /// Npgsql's keyword form (<c>Host=db;Port=5432;Database=experiments;Username=nomadic;Password=...</c>) or a URL
    /// (<c>postgresql://user:password@host:port/database?sslmode=require</c>).
    /// </param>
    /// <param name="options">The settings; defaults when omitted.</param>
    /// <exception cref="ArgumentException">The connection string or a setting is invalid.</exception>
    /// <exception cref="StorageException">
    /// The server cannot be reached within the retry budget, refuses the login or database, or holds a schema newer than this
    /// package knows (it is then left unchanged).
    /// </exception>
    public PostgresExperimentStorage(string connectionString, PostgresStorageOptions? options = null)
    {
        options ??= new PostgresStorageOptions();
        options.Validate();
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        builder.ApplicationName ??= "nomadic";
        if (options.ReadOnly)
        {
            builder.Options = $"{builder.Options} -c default_transaction_read_only=on".TrimStart();
        }
        Location = PostgresConnectionString.Describe(builder);
        _dataSource = NpgsqlDataSource.Create(builder);
        _retry = new PostgresRetry(options, Location, _dataSource.Clear);
        var experimentSql = new ExperimentSql(options.Schema);
        var trialSql = new TrialSql(options.Schema);
        _experiments = new ExperimentCommands(_dataSource, experimentSql, options.TimeProvider, Location);
        _trials = new TrialCommands(_dataSource, trialSql, options.TimeProvider, Location);
        _leases = new LeaseCommands(_dataSource, trialSql, Location);
        _reader = new TrialReader(_dataSource, trialSql, Location);
        try
        {
            HasSchema = _retry.Execute(_ => options.ReadOnly ? SchemaMigrator.Check(_dataSource, options.Schema, Location) : Migrate(options.Schema));
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Gets where the data lives as <c>host:port/database</c>; never the user name or password.</summary>
    public string Location { get; }

    /// <summary>
    /// Gets a value indicating whether the database holds the storage's schema; <see langword="false"/> only for a
    /// <see cref="PostgresStorageOptions.ReadOnly"/> storage opened on a database that has none, which holds no experiments.
    /// </summary>
    public bool HasSchema { get; }

    /// <inheritdoc />
    public StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _retry.Execute(_ => _experiments.CreateOrOpen(definition));
    }

    /// <inheritdoc />
    public StoredExperiment? FindExperiment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HasSchema ? _retry.Execute(_ => _experiments.Find(name)) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredExperiment> ListExperiments() => HasSchema ? _retry.Execute(_ => _experiments.List()) : [];

    /// <inheritdoc />
    public StoredExperiment? FindExperiment(long id) => HasSchema ? _retry.Execute(_ => _experiments.Find(id)) : null;

    /// <inheritdoc />
    public IReadOnlyList<StoredExperimentSummary> ListExperimentSummaries() =>
        HasSchema ? _retry.Execute(_ => _experiments.Summaries()) : [];

    /// <inheritdoc />
    public bool DeleteExperiment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _retry.Execute(_ => _experiments.Delete(name));
    }

    /// <inheritdoc />
    public ClaimResult TryClaim(ClaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _retry.Execute(isRetry => _trials.Claim(request, isRetry));
    }

    /// <inheritdoc />
    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(trialIds);
        ArgumentNullException.ThrowIfNull(workerId);
        return trialIds.Count == 0 ? 0 : _retry.Execute(_ => _leases.Renew(experimentId, trialIds, workerId, leaseExpiresAt));
    }

    /// <inheritdoc />
    public bool FinishTrial(long trialId, string workerId, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        ArgumentNullException.ThrowIfNull(run);
        return _retry.Execute(isRetry => _trials.Finish(trialId, workerId, run, isRetry));
    }

    /// <inheritdoc />
    public void ReleaseTrial(long trialId, string workerId)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        _retry.Execute(_ => _trials.Release(trialId, workerId));
    }

    /// <inheritdoc />
    public int ExpireLeases(long experimentId, DateTimeOffset now) => _retry.Execute(_ => _leases.Expire(experimentId, now));

    /// <inheritdoc />
    public int RetryFailedTrials(long experimentId) => _retry.Execute(_ => _leases.RetryFailed(experimentId));

    /// <inheritdoc />
    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion) =>
        HasSchema ? _retry.Execute(_ => _reader.Read(experimentId, afterVersion)) : [];

    /// <summary>Closes the storage's pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private bool Migrate(string schema)
    {
        SchemaMigrator.Migrate(_dataSource, schema, Location);
        return true;
    }
}
