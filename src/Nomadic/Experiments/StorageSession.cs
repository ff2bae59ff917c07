using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>One worker's connection to a stored experiment: gives failed trials back when asked to, claims, finishes and
/// releases trials, renews their leases, expires other workers' stale leases and follows the trials' changes.</summary>
internal sealed class StorageSession
{
    private readonly IExperimentStorage _storage;
    private readonly TimeProvider _time;
    private long _version;
    private DateTimeOffset _nextExpiry;

    public StorageSession(IExperimentStorage storage, ExperimentOptions options, SearchSpace space)
    {
        _storage = storage;
        _time = options.TimeProvider;
        Lease = options.LeaseDuration;
        WorkerId = options.WorkerId ?? DefaultWorkerId();
        IReadOnlyDictionary<string, object?> settings = ObjectiveSettings.With(options.StoredSettings, options.Objectives);
        StoredExperiment stored = storage.CreateOrOpenExperiment(new ExperimentDefinition(options.Name!, options.Direction, space, settings));
        StorageChecks.EnsureSameObjectives(stored, options.Objectives, storage.Location);
        ExperimentId = stored.Id;
        if (options.RetryFailedRuns)
        {
            storage.RetryFailedTrials(ExperimentId);
        }

        _nextExpiry = _time.GetUtcNow();
    }

    public long ExperimentId { get; }

    public string WorkerId { get; }

    public TimeSpan Lease { get; }

    public TimeSpan PollInterval => TimeSpan.FromTicks(Math.Clamp(Lease.Ticks / 4, TimeSpan.TicksPerMillisecond * 20, TimeSpan.TicksPerMillisecond * 250));

    public IReadOnlyList<StoredTrial> ReadChanges()
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (now >= _nextExpiry)
        {
            _storage.ExpireLeases(ExperimentId, now);
            _nextExpiry = now + PollInterval;
        }

        IReadOnlyList<StoredTrial> changes = _storage.ReadTrials(ExperimentId, _version);
        if (changes.Count > 0)
        {
            _version = changes[^1].Version;
        }

        return changes;
    }

    public ClaimResult Claim(IReadOnlyDictionary<string, object?> parameters, ConfigurationKey key, bool isBaseline, int? maxTrials)
    {
        DateTimeOffset now = _time.GetUtcNow();
        return _storage.TryClaim(new ClaimRequest(ExperimentId, key.ToText(), parameters, isBaseline, WorkerId, now, now + Lease, maxTrials));
    }

    public bool Finish(long trialId, RunResult run) => _storage.FinishTrial(trialId, WorkerId, run);

    public void Release(long trialId) => _storage.ReleaseTrial(trialId, WorkerId);

    public void Renew(IReadOnlyCollection<long> trialIds)
    {
        if (trialIds.Count > 0)
        {
            _storage.RenewLeases(ExperimentId, trialIds, WorkerId, _time.GetUtcNow() + Lease);
        }
    }

    private static string DefaultWorkerId() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
