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
            if (entry.LiveKeys.ContainsKey(request.ConfigurationKey))
            {
                return ClaimResult.Taken;
            }

            if (request.MaxTrials is int max && entry.LiveKeys.Count >= max)
            {
                return ClaimResult.LimitReached;
            }

            var trial = new StoredTrial(
                _nextTrialId++, entry.NextNumber++, request.ConfigurationKey, TrialState.Running, request.Params,
                request.IsBaseline, request.WorkerId, request.LeaseExpiresAt, ++_version, null);
            entry.Add(trial);
            return new ClaimResult(ClaimStatus.Claimed, trial.Id, trial.Number);
        }
    }

    /// <inheritdoc />
    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(trialIds);
        lock (_gate)
        {
            Entry entry = Get(experimentId);
            return Update(entry, trialIds, t => t.State == TrialState.Running && t.WorkerId == workerId, t => t with { LeaseExpiresAt = leaseExpiresAt });
        }
    }

    /// <inheritdoc />
    public bool FinishTrial(long trialId, string workerId, RunResult run) => Finish(trialId, workerId, run) is not null;

    /// <summary>Records the outcome of a running trial held by the worker, as <see cref="FinishTrial"/> does.</summary>
    /// <returns>The run as recorded (with its trial number), or <see langword="null"/> when nothing was written.</returns>
    internal RunResult? Finish(long trialId, string workerId, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            Entry? entry = _experiments.Find(e => e.Contains(trialId));
            return entry is not null && Update(
                entry,
                [trialId],
                t => t.State == TrialState.Running && t.WorkerId == workerId,
                t => t with { State = StorageChecks.StateOf(run.Status), LeaseExpiresAt = null, Run = run.WithTrialInfo(t.Number, run.StartedAt, run.Duration, t.IsBaseline) }) == 1
                ? entry.RunOf(trialId)
                : null;
        }
    }

    /// <summary>Adds runs finished before this storage was opened, keeping their trial numbers; later claims are numbered from <paramref name="nextNumber"/> on.</summary>
    internal void Restore(long experimentId, IEnumerable<(string Key, RunResult Run)> runs, int nextNumber, string workerId)
    {
        lock (_gate)
        {
            Entry entry = Get(experimentId);
            entry.NextNumber = Math.Max(entry.NextNumber, nextNumber);
            foreach ((string key, RunResult run) in runs)
            {
                entry.Add(new StoredTrial(_nextTrialId++, run.TrialNumber, key, StorageChecks.StateOf(run.Status), run.Params, run.IsBaseline, workerId, null, ++_version, run));
            }
        }
    }

    /// <inheritdoc />
    public void ReleaseTrial(long trialId, string workerId)
    {
        lock (_gate)
        {
            if (_experiments.Find(e => e.Contains(trialId)) is Entry entry)
            {
                Update(entry, [trialId], t => t.State == TrialState.Running && t.WorkerId == workerId, t => t with { State = TrialState.Abandoned, LeaseExpiresAt = null });
            }
        }
    }

    /// <inheritdoc />
    public int ExpireLeases(long experimentId, DateTimeOffset now)
    {
        lock (_gate)
        {
            Entry entry = Get(experimentId);
            return Update(entry, entry.RunningIds.ToArray(), t => t.LeaseExpiresAt < now, t => t with { State = TrialState.Abandoned, LeaseExpiresAt = null });
        }
    }

    /// <inheritdoc />
    public int RetryFailedTrials(long experimentId)
    {
        lock (_gate)
        {
            Entry entry = Get(experimentId);
            return Update(entry, entry.FailedIds(), t => t.State == TrialState.Failed, t => t with { State = TrialState.Abandoned, Run = null });
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion)
    {
        lock (_gate)
        {
            return Get(experimentId).ChangesAfter(afterVersion);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private Entry Get(long experimentId) =>
        _experiments.Find(e => e.Id == experimentId) ?? throw new StorageException($"{Location}: no experiment with id {experimentId}.");

    private int Update(Entry entry, IReadOnlyCollection<long> trialIds, Func<StoredTrial, bool> match, Func<StoredTrial, StoredTrial> change)
    {
        int count = 0;
        foreach (long id in trialIds)
        {
            if (entry.TryGet(id, out StoredTrial? trial) && match(trial))
            {
                entry.Replace(change(trial) with { Version = ++_version });
                count++;
            }
        }

        return count;
    }

    // Indexed so every operation costs the same however many trials the experiment holds.
    private sealed class Entry(long id, ExperimentDefinition definition, DateTimeOffset createdAt)
    {
        private readonly List<StoredTrial> _trials = [];
        private readonly Dictionary<long, int> _indexById = [];
        private readonly List<(long Version, int Index)> _changes = [];

        public long Id { get; } = id;

        public ExperimentDefinition Definition { get; } = definition;

        public Dictionary<string, long> LiveKeys { get; } = new(StringComparer.Ordinal);

        public HashSet<long> RunningIds { get; } = [];

        public int NextNumber { get; set; }

        public RunResult? RunOf(long trialId) => _trials[_indexById[trialId]].Run;

        public long[] FailedIds() => [.. _trials.Where(t => t.State == TrialState.Failed).Select(t => t.Id)];

        public bool Contains(long trialId) => _indexById.ContainsKey(trialId);

        public bool TryGet(long trialId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredTrial? trial)
        {
            trial = _indexById.TryGetValue(trialId, out int index) ? _trials[index] : null;
            return trial is not null;
        }

        public void Add(StoredTrial trial)
        {
            _indexById[trial.Id] = _trials.Count;
            _trials.Add(trial);
            Track(trial, _trials.Count - 1);
        }

        public void Replace(StoredTrial trial)
        {
            int index = _indexById[trial.Id];
            _trials[index] = trial;
            Track(trial, index);
        }

        public List<StoredTrial> ChangesAfter(long version)
        {
            int start = _changes.BinarySearch((version, int.MaxValue), Comparer<(long Version, int Index)>.Create((a, b) => a.Version.CompareTo(b.Version)));
            start = start < 0 ? ~start : start + 1;
            var changed = new List<StoredTrial>();
            for (int i = start; i < _changes.Count; i++)
            {
                StoredTrial trial = _trials[_changes[i].Index];
                if (trial.Version == _changes[i].Version)
                {
                    changed.Add(trial);
                }
            }

            return changed;
        }

        public StoredExperiment ToStored() => new(
            Id, Definition.Name, Definition.Direction, Definition.SearchSpace, Definition.Settings, createdAt,
            _trials.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count()));

        private void Track(StoredTrial trial, int index)
        {
            _changes.Add((trial.Version, index));
            if (trial.State == TrialState.Running)
            {
                RunningIds.Add(trial.Id);
            }
            else
            {
                RunningIds.Remove(trial.Id);
            }

            if (trial.State == TrialState.Abandoned)
            {
                if (LiveKeys.TryGetValue(trial.ConfigurationKey, out long holder) && holder == trial.Id)
                {
                    LiveKeys.Remove(trial.ConfigurationKey);
                }
            }
            else
            {
                LiveKeys[trial.ConfigurationKey] = trial.Id;
            }
        }
    }
}
