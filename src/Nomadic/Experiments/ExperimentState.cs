using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// The ask/tell core of an experiment: hands out configurations within the budget, never the same one twice, and
/// records finished runs. With a storage, claims go through it and other workers' trials are followed. What the tuner
/// sees and when is the <see cref="TunerFeed"/>'s job. Thread-safe; every call into the tuner happens under its lock.
/// </summary>
internal sealed class ExperimentState
{
    private const int MaxRejectedSuggestions = 1000;

    private readonly Lock _gate = new();
    private readonly SearchSpace _space;
    private readonly ExperimentOptions _options;
    private readonly StorageSession? _storage;
    private readonly ParameterMerger _merger;
    private readonly HashSet<ConfigurationKey> _seen = [];
    private readonly TrialBook _trials = new();
    private readonly OfferQueue _offers;
    private readonly OtherWorkers _others;
    private readonly TunerFeed _feed;
    private readonly Reproducibility _reproducibility;
    private readonly TrialLauncher _launcher;
    private readonly ChangeSignal _changed = new();
    private bool _started;

    public ExperimentState(SearchSpace space, ExperimentOptions options, ITuner tuner, int seed, StorageSession? storage)
    {
        _space = space;
        _options = options;
        _storage = storage;
        Seed = seed;
        _merger = new ParameterMerger(space, options.FixedParams);
        _offers = new OfferQueue(space.Names);
        _others = new OtherWorkers(space.Names, _trials, _seen, _offers);
        _launcher = new TrialLauncher(options, storage, options.Pruner is { } pruner ? new TrialPruning(pruner, options, this) : null);
        _reproducibility = new Reproducibility(options, tuner);
        tuner.Initialize(new TunerSetup(space, options.Direction, seed) { Objectives = options.Objectives, Budget = options.NumSamples });
        _feed = new TunerFeed(tuner, options.Reproducible ? options.MaxConcurrentTrials : null, _others.Running);
        LearnFromPriorRuns(options.PriorRuns ?? []);
        if (options.CurrentParams is not null)
        {
            _offers.Add(_merger.Merge(options.CurrentParams, includeAllKeys: true), isBaseline: true);
        }

        foreach (IReadOnlyDictionary<string, object?> configuration in options.EnqueuedConfigurations ?? [])
        {
            Enqueue(configuration);
        }

        if (_storage is not null)
        {
            // Shown in run order, whatever order they finished in, so a resumed tuner's view depends on the runs alone.
            IReadOnlyList<StoredTrial> stored = _storage.ReadChanges();
            _reproducibility.ResumedTrials = stored.Count;
            _others.Follow([.. stored.OrderBy(t => t.Number)], resuming: true, Restore);
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
                bool budgetLeft = !_launcher.LimitReached && !(_options.NumSamples is int limit && _trials.FinishedCount >= limit);
                return StopReason is not (StopReasons.Cancelled or StopReasons.TimeBudget) && (_others.Running.Count > 0 || (_offers.Count > 0 && budgetLeft));
            }
        }
    }

    public TimeSpan PollInterval => _storage?.PollInterval ?? TimeSpan.FromSeconds(1);

    /// <summary>Hands out the next trial.</summary>
    /// <param name="turn">
    /// When the next trial must wait for an earlier one to finish (<see cref="ExperimentOptions.Reproducible"/>): a task
    /// that completes when a trial is told or abandoned or the experiment stops; otherwise <see langword="null"/>.
    /// </param>
    /// <returns>The trial, or <see langword="null"/> when there is none now.</returns>
    public Trial? Ask(out Task? turn)
    {
        turn = null;
        lock (_gate)
        {
            if (StopReason is StopReasons.Cancelled or StopReasons.TimeBudget)
            {
                return null;
            }

            _started = true;
            if (_storage is not null)
            {
                _others.Follow(_storage.ReadChanges(), resuming: false, Restore);
                _reproducibility.OtherWorkers = _others.WorkedAlongside;
            }

            if (_options.NumSamples is int limit && (_launcher.LimitReached || _trials.FinishedCount + _trials.RunningCount + _others.Running.Count >= limit))
            {
                StopReason = _trials.FinishedCount >= limit || _launcher.LimitReached ? StopReasons.NumSamples : StopReason;
                return null;
            }

            if (_feed.NextInLine() is not null)
            {
                turn = _changed.Next;
                return null;
            }

            while (_offers.TryTake(out OfferQueue.Offer? offer))
            {
                if (_seen.Add(offer.Key) && TryStart(offer.Params, offer.Key, offer.IsBaseline) is Trial offered)
                {
                    return offered;
                }
            }

            return _launcher.LimitReached || StopReason is StopReasons.Exhausted ? null : AskTuner();
        }
    }

    /// <summary>Records a trial's run; <see langword="null"/> when the storage refused it because another worker took the trial over (its lease ran out).</summary>
    public RunResult? Tell(Trial trial, RunResult outcome)
    {
        RunResult run = outcome.WithReports(trial.IntermediateValues).Copy(trial.Params, trial.Number, trial.StartedAt, _options.TimeProvider.GetElapsedTime(trial.StartTimestamp), trial.IsBaseline);
        lock (_gate)
        {
            if (!_trials.IsRunning(trial))
            {
                throw new InvalidOperationException($"Trial {trial.Number} is not running: it was already told or abandoned.");
            }
        }

        if (_storage is not null && !_storage.Finish(trial.StorageId, run, () => Abandon(trial)))
        {
            return null; // Given up here; the claim of the worker that took the trial over keeps the configuration.
        }

        lock (_gate)
        {
            if (!_trials.Finish(trial, run))
            {
                throw new InvalidOperationException($"Trial {trial.Number} is not running: it was already told or abandoned.");
            }

            _reproducibility.TimedOut |= trial.TimedOut;
            _feed.Finished(trial, run);
            _changed.Raise();
        }

        return run;
    }

    public void Abandon(Trial trial)
    {
        lock (_gate)
        {
            if (!_trials.Stop(trial))
            {
                return;
            }

            _seen.Remove(trial.Key);
            _feed.Abandoned(trial);

            // Tuners hand out each configuration once (a grid moves on), so it is offered again from here.
            _offers.Add(trial.Params, trial.Key, trial.IsBaseline);
            _changed.Raise();
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
            return _trials.Snapshot();
        }
    }

    /// <summary>Extends the leases of this worker's running trials; takes no lock the workers hold.</summary>
    public void RenewLeases() => _storage?.Renew(_trials.LeasedIds());

    public void Stop(string reason)
    {
        lock (_gate)
        {
            StopReason = reason;
            _changed.Raise();
        }
    }

    public ExperimentResult Snapshot(string tunerName)
    {
        RunResult[] runs;
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal) { ["tuner"] = tunerName, ["seed"] = Seed };
        lock (_gate)
        {
            runs = _trials.RunsInOrder();
            metadata["stop_reason"] = StopReason;
            (metadata["reproducible"], metadata["reproducibility"]) = _reproducibility.Judge(StopReason, _launcher.Started);
            if (_storage?.TakenOver is > 0)
            {
                metadata["runs_taken_over"] = _storage.TakenOver;
            }
        }

        return new ExperimentResult(_space, runs, _options.Name) { Direction = _options.Direction, Metadata = metadata, Objectives = _options.Objectives };
    }

    /// <summary>Queues a configuration to be evaluated before the tuner is asked again.</summary>
    public void Enqueue(IReadOnlyDictionary<string, object?> configuration)
    {
        lock (_gate)
        {
            _reproducibility.EnqueuedWhileRunning |= _started;
            _offers.Add(_merger.Merge(configuration, includeAllKeys: false), isBaseline: false);
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
                _feed.Learn(run.WithParams(parameters));
            }
        }
    }

    private Trial? AskTuner()
    {
        for (int rejected = 0; rejected < MaxRejectedSuggestions; rejected++)
        {
            IReadOnlyDictionary<string, object?>? configuration = _feed.Suggest(rejected);
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

            if (_launcher.LimitReached)
            {
                return null;
            }
        }

        StopReason = StopReasons.Exhausted;
        return null;
    }

    private Trial? TryStart(Dictionary<string, object?> parameters, ConfigurationKey key, bool isBaseline)
    {
        if (_launcher.TryStart(parameters, key, isBaseline, _options is { Reproducible: true, Pruner: not null } ? _feed.ShownSnapshot : null) is not Trial trial)
        {
            return null;
        }

        _trials.Start(trial);
        _feed.Started(trial);
        return trial;
    }

    // A run that did not finish here: restored, or another worker's (with its stored id).
    private void Restore(RunResult run, long storageId = 0)
    {
        _trials.Restore(run, storageId);
        _seen.Add(ConfigurationKey.Of(_space.Names, run.Params));
        _launcher.NumberFrom(run.TrialNumber + 1);
        _feed.ShowNow(run);
    }
}
