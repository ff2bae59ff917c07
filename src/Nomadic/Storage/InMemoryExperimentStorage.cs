using Nomadic.Results;

namespace Nomadic.Storage;

/// <summary>
/// An <see cref="IExperimentStorage"/> in this process's memory: for tests, quick scripts and several experiments in
/// one process sharing trials. Nothing survives the process.
/// </summary>
public sealed class InMemoryExperimentStorage : IExperimentStorage
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _experiments = [];
    private long _nextExperimentId = 1;
    private long _nextTrialId = 1;
    private long _version;

    /// <inheritdoc />
    public string Location => "memory";

    /// <inheritdoc />
    public StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            Entry? entry = _experiments.Find(e => e.Definition.Name == definition.Name);
            if (entry is null)
            {
                entry = new Entry(_nextExperimentId++, definition, DateTimeOffset.UtcNow);
                _experiments.Add(entry);
            }
            else
            {
                StorageChecks.EnsureSameExperiment(entry.Definition.Name, entry.Definition.Direction, entry.Definition.SearchSpace, definition, Location);
            }

            return entry.ToStored();
        }
    }

    /// <inheritdoc />
    public StoredExperiment? FindExperiment(string name)
    {
        lock (_gate)
        {
            return _experiments.Find(e => e.Definition.Name == name)?.ToStored();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredExperiment> ListExperiments()
    {
        lock (_gate)
        {
            return _experiments.Select(e => e.ToStored()).ToList();
        }
    }

    /// <inheritdoc />
    public bool DeleteExperiment(string name)
    {
        lock (_gate)
        {
            return _experiments.RemoveAll(e => e.Definition.Name == name) > 0;
        }
    }

    /// <inheritdoc />
    public ClaimResult TryClaim(ClaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            Entry entry = Get(request.ExperimentId);
            List<StoredTrial> live = entry.Trials.Where(t => t.State != TrialState.Abandoned).ToList();
            if (live.Any(t => t.ConfigurationKey == request.ConfigurationKey))
            {
                return ClaimResult.Taken;
            }

            if (request.MaxTrials is int max && live.Count >= max)
            {
                return ClaimResult.LimitReached;
            }

            var trial = new StoredTrial(
                _nextTrialId++, entry.NextNumber++, request.ConfigurationKey, TrialState.Running, request.Params,
                request.IsBaseline, request.WorkerId, request.LeaseExpiresAt, ++_version, null);
            entry.Trials.Add(trial);
            return new ClaimResult(ClaimStatus.Claimed, trial.Id, trial.Number);
        }
    }

    /// <inheritdoc />
    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(trialIds);
        lock (_gate)
        {
            return Update(Get(experimentId), t => trialIds.Contains(t.Id) && t.State == TrialState.Running && t.WorkerId == workerId, t => t with { LeaseExpiresAt = leaseExpiresAt });
        }
    }

    /// <inheritdoc />
    public bool FinishTrial(long trialId, string workerId, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            Entry? entry = _experiments.Find(e => e.Trials.Exists(t => t.Id == trialId));
            return entry is not null && Update(
                entry,
                t => t.Id == trialId && t.State == TrialState.Running && t.WorkerId == workerId,
                t => t with { State = StorageChecks.StateOf(run.Status), LeaseExpiresAt = null, Run = run.WithTrialInfo(t.Number, run.StartedAt, run.Duration, t.IsBaseline) }) == 1;
        }
    }

    /// <inheritdoc />
    public void ReleaseTrial(long trialId, string workerId)
    {
        lock (_gate)
        {
            foreach (Entry entry in _experiments)
            {
                Update(entry, t => t.Id == trialId && t.State == TrialState.Running && t.WorkerId == workerId, t => t with { State = TrialState.Abandoned, LeaseExpiresAt = null });
            }
        }
    }

    /// <inheritdoc />
    public int ExpireLeases(long experimentId, DateTimeOffset now)
    {
        lock (_gate)
        {
            return Update(Get(experimentId), t => t.State == TrialState.Running && t.LeaseExpiresAt < now, t => t with { State = TrialState.Abandoned, LeaseExpiresAt = null });
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion)
    {
        lock (_gate)
        {
            return Get(experimentId).Trials.Where(t => t.Version > afterVersion).OrderBy(t => t.Version).ToList();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private Entry Get(long experimentId) =>
        _experiments.Find(e => e.Id == experimentId) ?? throw new StorageException($"{Location}: no experiment with id {experimentId}.");

    private int Update(Entry entry, Func<StoredTrial, bool> match, Func<StoredTrial, StoredTrial> change)
    {
        int count = 0;
        for (int i = 0; i < entry.Trials.Count; i++)
        {
            if (match(entry.Trials[i]))
            {
                entry.Trials[i] = change(entry.Trials[i]) with { Version = ++_version };
                count++;
            }
        }

        return count;
    }

    private sealed class Entry(long id, ExperimentDefinition definition, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        public ExperimentDefinition Definition { get; } = definition;

        public List<StoredTrial> Trials { get; } = [];

        public int NextNumber { get; set; }

        public StoredExperiment ToStored() => new(
            Id, Definition.Name, Definition.Direction, Definition.SearchSpace, Definition.Settings, createdAt,
            Trials.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count()));
    }
}
