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
    private readonly bool _allowRepeats;
    private DateTimeOffset _nextExpiry;
    private long _claims;
    private int _takenOver;

    public StorageSession(IExperimentStorage storage, ExperimentOptions options, SearchSpace space)
    {
        _storage = storage;
        _time = options.TimeProvider;
        Lease = options.LeaseDuration;
        _allowRepeats = options.AllowRepeats;
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

    public string Location => _storage.Location;

    /// <summary>Gets how many of this worker's runs were not recorded because another worker took their trials over.</summary>
    public int TakenOver => Volatile.Read(ref _takenOver);

    private IReadOnlyList<RunResult>? ReadRuns()
    {
        try
        {
            return [.. _storage.ReadTrials(ExperimentId, 0).Where(t => t.Run is not null).OrderBy(t => t.Number).Select(t => t.Run!)];
        }
        catch (StorageException)
        {
            return null;
        }
    }

    /// <summary>Gets the result with every finished run the storage holds for the experiment, other workers' and earlier sessions' included.</summary>
    /// <param name="own">The experiment's own result, whose metadata it keeps; returned as it is when the storage cannot be read now.</param>
    public ExperimentResult Complete(ExperimentResult own)
    {
        if (ReadRuns() is not { } stored)
        {
            return own;
        }

        var metadata = new Dictionary<string, object?>(own.Metadata, StringComparer.Ordinal) { ["storage"] = Location };
        return new ExperimentResult(own.HpSearchSpace, stored, own.Name) { Direction = own.Direction, Metadata = metadata, Objectives = own.Objectives };
    }

    public ClaimResult Claim(IReadOnlyDictionary<string, object?> parameters, ConfigurationKey key, bool isBaseline, int? maxTrials)
    {
        DateTimeOffset now = _time.GetUtcNow();
        // A storage claims each key once: a repeat the options allow is a claim of its own.
        string claimKey = _allowRepeats ? $"{key.ToText()}#{WorkerId}:{Interlocked.Increment(ref _claims)}" : key.ToText();
        return _storage.TryClaim(new ClaimRequest(ExperimentId, claimKey, parameters, isBaseline, WorkerId, now, now + Lease, maxTrials));
    }

    /// <summary>Records a run of a trial this worker holds; <see langword="false"/> when another worker took it over (its lease ran out).</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="run">Its run.</param>
    /// <param name="giveUp">Called first when the run was not recorded: refused, or the storage failed (its exception is rethrown).</param>
    public bool Finish(long trialId, RunResult run, Action giveUp)
    {
        bool recorded = false;
        try
        {
            recorded = _storage.FinishTrial(trialId, WorkerId, run);
            if (!recorded)
            {
                Interlocked.Increment(ref _takenOver);
            }

            return recorded;
        }
        finally
        {
            if (!recorded)
            {
                giveUp();
            }
        }
    }

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
