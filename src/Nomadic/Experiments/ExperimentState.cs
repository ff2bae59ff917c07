using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// The ask/tell core of an experiment: hands out configurations within the budget, never the same one twice, and
/// records finished runs. With a storage, claims go through it and other workers' trials are followed. Thread-safe;
/// every call into the tuner happens under its lock.
/// </summary>
internal sealed class ExperimentState
{
    private const int MaxRejectedSuggestions = 1000;

    private readonly Lock _gate = new();
    private readonly SearchSpace _space;
    private readonly ExperimentOptions _options;
    private readonly ITuner _tuner;
    private readonly StorageSession? _storage;
    private readonly ParameterMerger _merger;
    private readonly HashSet<ConfigurationKey> _seen = [];
    private readonly List<RunResult> _finished = [];
    private readonly Dictionary<int, Trial> _running = [];
    private readonly Dictionary<long, IReadOnlyDictionary<string, object?>> _runningElsewhere = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _leased = new();
    private readonly HashSet<long> _finishedIds = [];
    private readonly Queue<Offer> _offers = new();
    private readonly TunerContext _context;
    private readonly TrialPruning? _pruning;
    private RunResult[]? _finishedSnapshot;
    private Trial[]? _runningSnapshot;
    private bool _limitReached;
    private int _nextNumber;

    public ExperimentState(SearchSpace space, ExperimentOptions options, ITuner tuner, int seed, IEnumerable<RunResult> previousRuns, StorageSession? storage)
    {
        _space = space;
        _options = options;
        _tuner = tuner;
        _storage = storage;
        Seed = seed;
        _merger = new ParameterMerger(space, options.FixedParams);
        _context = new TunerContext(_finished, new RunningView(_running, _runningElsewhere));
        _pruning = options.Pruner is { } pruner ? new TrialPruning(pruner, options, this) : null;
        _tuner.Initialize(new TunerSetup(space, options.Direction, seed) { Objectives = options.Objectives, Budget = options.NumSamples });
        var journal = JournalResume.Of([.. previousRuns], space.Names, options.RetryFailedRuns);
        foreach (RunResult run in journal.Kept)
        {
            Restore(run);
        }

        _nextNumber = Math.Max(_nextNumber, journal.NextNumber);

        LearnFromPriorRuns(options.PriorRuns ?? []);
        if (options.CurrentParams is not null)
        {
            Dictionary<string, object?> baseline = _merger.Merge(options.CurrentParams, includeAllKeys: true);
            _offers.Enqueue(new Offer(baseline, ConfigurationKey.Of(_space.Names, baseline), IsBaseline: true));
        }

        foreach (IReadOnlyDictionary<string, object?> configuration in options.EnqueuedConfigurations ?? [])
        {
            Enqueue(configuration);
        }

        foreach (RunResult failed in journal.Retried)
        {
            var parameters = new Dictionary<string, object?>(failed.Params);
            _offers.Enqueue(new Offer(parameters, ConfigurationKey.Of(_space.Names, parameters), failed.IsBaseline));
        }

        if (_storage is not null)
        {
            Follow(_storage.ReadChanges());
        }
    }

    public int Seed { get; }

    public string? StopReason { get; private set; }

    /// <summary>Gets a value indicating whether trials held elsewhere may still come back to be run here.</summary>
    public bool ShouldWaitForOthers
    {
        get
        {
            lock (_gate)
            {
                // Offers (the baseline, enqueued configurations, trials other workers abandoned) are worth waiting for
                // only while the budget has room for them.
                bool budgetLeft = !_limitReached && !(_options.NumSamples is int limit && _finished.Count >= limit);
                return StopReason is not (StopReasons.Cancelled or StopReasons.TimeBudget) && (_runningElsewhere.Count > 0 || (_offers.Count > 0 && budgetLeft));
            }
        }
    }

    public TimeSpan PollInterval => _storage?.PollInterval ?? TimeSpan.FromSeconds(1);

    public Trial? Ask()
    {
        lock (_gate)
        {
            if (StopReason is StopReasons.Cancelled or StopReasons.TimeBudget)
            {
                return null;
            }

            if (_storage is not null)
            {
                Follow(_storage.ReadChanges());
            }

            if (_options.NumSamples is int limit && (_limitReached || _finished.Count + _running.Count + _runningElsewhere.Count >= limit))
            {
                StopReason = _finished.Count >= limit || _limitReached ? StopReasons.NumSamples : StopReason;
                return null;
            }

            while (_offers.TryDequeue(out Offer? offer))
            {
                if (_seen.Add(offer.Key) && TryStart(offer.Params, offer.Key, offer.IsBaseline) is Trial offered)
                {
                    return offered;
                }
            }

            return _limitReached || StopReason is StopReasons.Exhausted ? null : AskTuner();
        }
    }

    public RunResult Tell(Trial trial, RunResult outcome)
    {
        RunResult run = outcome.WithReports(trial.IntermediateValues).Copy(trial.Params, trial.Number, trial.StartedAt, _options.TimeProvider.GetElapsedTime(trial.StartTimestamp), trial.IsBaseline);
        lock (_gate)
        {
            if (!_running.Remove(trial.Number))
            {
                throw new InvalidOperationException($"Trial {trial.Number} is not running: it was already told or abandoned.");
            }

            _runningSnapshot = null;
            _finishedSnapshot = null;
            _finished.Add(run);
            _finishedIds.Add(trial.StorageId);
            _leased.TryRemove(trial.StorageId, out _);
            _tuner.Observe(run);
        }

        _storage?.Finish(trial.StorageId, run);
        return run;
    }

    public void Abandon(Trial trial)
    {
        lock (_gate)
        {
            if (!_running.Remove(trial.Number))
            {
                return;
            }

            _runningSnapshot = null;
            _seen.Remove(trial.Key);
            _leased.TryRemove(trial.StorageId, out _);

            // Tuners hand out each configuration once (a grid moves on), so it is offered again from here.
            _offers.Enqueue(new Offer(new Dictionary<string, object?>(trial.Params), trial.Key, trial.IsBaseline));
        }

        if (trial.StorageId != 0)
        {
            _storage!.Release(trial.StorageId);
        }
    }

    /// <summary>Gets the finished runs and this process's running trials as lists that do not change, for pruners.</summary>
    public (IReadOnlyList<RunResult> Finished, Trial[] Running) ProgressSnapshot()
    {
        lock (_gate)
        {
            return (_finishedSnapshot ??= [.. _finished], _runningSnapshot ??= [.. _running.Values]);
        }
    }

    /// <summary>Extends the leases of this worker's running trials; takes no lock the workers hold.</summary>
    public void RenewLeases() => _storage?.Renew(_leased.Keys.ToArray());

    public void Stop(string reason)
    {
        lock (_gate)
        {
            StopReason = reason;
        }
    }

    public ExperimentResult Snapshot(string tunerName)
    {
        RunResult[] runs;
        lock (_gate)
        {
            runs = [.. _finished];
        }

        Array.Sort(runs, (a, b) => a.TrialNumber.CompareTo(b.TrialNumber));
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["tuner"] = tunerName,
            ["seed"] = Seed,
            ["stop_reason"] = StopReason,
        };
        return new ExperimentResult(_space, runs, _options.Name) { Direction = _options.Direction, Metadata = metadata, Objectives = _options.Objectives };
    }

    /// <summary>Queues a configuration to be evaluated before the tuner is asked again.</summary>
    public void Enqueue(IReadOnlyDictionary<string, object?> configuration)
    {
        lock (_gate)
        {
            Dictionary<string, object?> parameters = _merger.Merge(configuration, includeAllKeys: false);
            _offers.Enqueue(new Offer(parameters, ConfigurationKey.Of(_space.Names, parameters), IsBaseline: false));
        }
    }

    private void LearnFromPriorRuns(IEnumerable<RunResult> runs)
    {
        foreach (RunResult run in runs)
        {
            Dictionary<string, object?> parameters = _merger.Merge(run.Params, includeAllKeys: false);
            if (_space.FindProblem(parameters) is null)
            {
                _seen.Add(ConfigurationKey.Of(_space.Names, parameters));
                _tuner.Observe(run.WithParams(parameters));
            }
        }
    }

    private Trial? AskTuner()
    {
        for (_context.RejectedSuggestions = 0; _context.RejectedSuggestions < MaxRejectedSuggestions; _context.RejectedSuggestions++)
        {
            IReadOnlyDictionary<string, object?>? configuration = _tuner.Suggest(_context);
            if (configuration is null)
            {
                StopReason = StopReasons.Exhausted;
                return null;
            }

            Dictionary<string, object?> parameters = _merger.Merge(configuration, includeAllKeys: false);
            ConfigurationKey key = ConfigurationKey.Of(_space.Names, parameters);
            if ((_seen.Add(key) || _options.AllowRepeats) && TryStart(parameters, key, isBaseline: false) is Trial trial)
            {
                return trial;
            }

            if (_limitReached)
            {
                return null;
            }
        }

        StopReason = StopReasons.Exhausted;
        return null;
    }

    private Trial? TryStart(Dictionary<string, object?> parameters, ConfigurationKey key, bool isBaseline)
    {
        TimeProvider time = _options.TimeProvider;
        if (_storage is null)
        {
            return Register(new Trial(_nextNumber++, parameters, isBaseline, key, time.GetUtcNow(), time.GetTimestamp()) { Pruning = _pruning });
        }

        ClaimResult claim = _storage.Claim(parameters, key, isBaseline, _options.NumSamples);
        _limitReached |= claim.Status == ClaimStatus.LimitReached;
        return claim.Status == ClaimStatus.Claimed
            ? Register(new Trial(claim.Number, parameters, isBaseline, key, time.GetUtcNow(), time.GetTimestamp()) { StorageId = claim.TrialId, Pruning = _pruning })
            : null;
    }

    private Trial Register(Trial trial)
    {
        _running.Add(trial.Number, trial);
        _runningSnapshot = null;
        if (trial.StorageId != 0)
        {
            _leased[trial.StorageId] = 0;
        }

        return trial;
    }

    private void Restore(RunResult run)
    {
        _finished.Add(run);
        _finishedSnapshot = null;
        _seen.Add(ConfigurationKey.Of(_space.Names, run.Params));
        _nextNumber = Math.Max(_nextNumber, run.TrialNumber + 1);
        _tuner.Observe(run);
    }

    // Applies other workers' changes: their finished runs feed the tuner, their running configurations are not
    // proposed again, and configurations they abandoned are offered here.
    private void Follow(IReadOnlyList<StoredTrial> changes)
    {
        foreach (StoredTrial trial in changes)
        {
            if (_finishedIds.Contains(trial.Id) || (_running.TryGetValue(trial.Number, out Trial? own) && own.StorageId == trial.Id))
            {
                continue;
            }

            ConfigurationKey key = ConfigurationKey.Of(_space.Names, trial.Params);
            switch (trial.State)
            {
                case TrialState.Running:
                    _runningElsewhere[trial.Id] = trial.Params;
                    _seen.Add(key);
                    break;
                case TrialState.Abandoned:
                    _runningElsewhere.Remove(trial.Id);
                    _seen.Remove(key);
                    _offers.Enqueue(new Offer(new Dictionary<string, object?>(trial.Params), key, trial.IsBaseline));
                    break;
                default:
                    _runningElsewhere.Remove(trial.Id);
                    _finishedIds.Add(trial.Id);
                    Restore(trial.Run!);
                    break;
            }
        }
    }

    private sealed record Offer(Dictionary<string, object?> Params, ConfigurationKey Key, bool IsBaseline);

    // The configurations running now, here and (with a storage) in other workers.
    private sealed class RunningView(Dictionary<int, Trial> here, Dictionary<long, IReadOnlyDictionary<string, object?>> elsewhere)
        : IReadOnlyCollection<IReadOnlyDictionary<string, object?>>
    {
        public int Count => here.Count + elsewhere.Count;

        public IEnumerator<IReadOnlyDictionary<string, object?>> GetEnumerator() =>
            here.Values.Select(t => t.Params).Concat(elsewhere.Values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
