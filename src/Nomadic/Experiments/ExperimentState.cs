using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// The ask/tell core of an experiment: hands out configurations within the budget, never the same one twice, and
/// records finished runs. Thread-safe; every call into the tuner happens under its lock.
/// </summary>
internal sealed class ExperimentState
{
    private const int MaxRejectedSuggestions = 1000;
    private const string Exhausted = "exhausted";

    private readonly Lock _gate = new();
    private readonly SearchSpace _space;
    private readonly ExperimentOptions _options;
    private readonly ITuner _tuner;
    private readonly IReadOnlyDictionary<string, object?> _fixed;
    private readonly HashSet<ConfigurationKey> _seen = [];
    private readonly List<RunResult> _finished = [];
    private readonly Dictionary<int, Trial> _running = [];
    private readonly Queue<Trial> _abandoned = new();
    private readonly TunerContext _context;
    private bool _baselinePending;
    private int _nextNumber;

    public ExperimentState(SearchSpace space, ExperimentOptions options, ITuner tuner, int seed, IEnumerable<RunResult> previousRuns)
    {
        _space = space;
        _options = options;
        _tuner = tuner;
        Seed = seed;
        _fixed = options.FixedParams ?? new Dictionary<string, object?>();
        _context = new TunerContext(_finished, new RunningView(_running));
        _tuner.Initialize(new TunerSetup(space, options.Direction, seed));
        bool baselineDone = false;
        foreach (RunResult run in previousRuns)
        {
            Restore(run);
            baselineDone |= run.IsBaseline;
        }

        _baselinePending = options.CurrentParams is not null && !baselineDone;
    }

    public int Seed { get; }

    public string? StopReason { get; private set; }

    public Trial? Ask()
    {
        lock (_gate)
        {
            if (StopReason is not (null or Exhausted))
            {
                return null;
            }

            if (_options.NumSamples is int limit && _finished.Count + _running.Count >= limit)
            {
                StopReason = "num_samples";
                return null;
            }

            if (_baselinePending)
            {
                _baselinePending = false;
                Dictionary<string, object?> baseline = Merge(_options.CurrentParams!, includeAllKeys: true);
                ConfigurationKey key = ConfigurationKey.Of(_space.Names, baseline);
                _seen.Add(key);
                return Start(baseline, key, isBaseline: true);
            }

            while (_abandoned.TryDequeue(out Trial? abandoned))
            {
                if (_seen.Add(abandoned.Key))
                {
                    return Start(new Dictionary<string, object?>(abandoned.Params), abandoned.Key, isBaseline: false);
                }
            }

            if (StopReason is Exhausted)
            {
                return null;
            }

            for (_context.RejectedSuggestions = 0; _context.RejectedSuggestions < MaxRejectedSuggestions; _context.RejectedSuggestions++)
            {
                IReadOnlyDictionary<string, object?>? configuration = _tuner.Suggest(_context);
                if (configuration is null)
                {
                    StopReason = Exhausted;
                    return null;
                }

                Dictionary<string, object?> parameters = Merge(configuration, includeAllKeys: false);
                ConfigurationKey key = ConfigurationKey.Of(_space.Names, parameters);
                if (_seen.Add(key) || _options.AllowRepeats)
                {
                    return Start(parameters, key, isBaseline: false);
                }
            }

            StopReason = Exhausted;
            return null;
        }
    }

    public RunResult Tell(Trial trial, RunResult outcome)
    {
        RunResult run = outcome.Copy(
            trial.Params,
            trial.Number, trial.StartedAt, _options.TimeProvider.GetElapsedTime(trial.StartTimestamp), trial.IsBaseline);
        lock (_gate)
        {
            if (!_running.Remove(trial.Number))
            {
                throw new InvalidOperationException($"Trial {trial.Number} is not running: it was already told or abandoned.");
            }

            _finished.Add(run);
            _tuner.Observe(run);
        }

        return run;
    }

    public void Abandon(Trial trial)
    {
        lock (_gate)
        {
            if (_running.Remove(trial.Number))
            {
                _seen.Remove(trial.Key);
                if (trial.IsBaseline)
                {
                    _baselinePending = true;
                }
                else
                {
                    // Tuners hand out each configuration once (a grid moves on), so it is offered again from here.
                    _abandoned.Enqueue(trial);
                }
            }
        }
    }

    public void Stop(string reason)
    {
        lock (_gate)
        {
            StopReason ??= reason;
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
        return new ExperimentResult(_space, runs, _options.Name) { Direction = _options.Direction, Metadata = metadata };
    }

    private void Restore(RunResult run)
    {
        _finished.Add(run);
        _seen.Add(ConfigurationKey.Of(_space.Names, run.Params));
        _nextNumber = Math.Max(_nextNumber, run.TrialNumber + 1);
        _tuner.Observe(run);
    }

    private Trial Start(Dictionary<string, object?> parameters, ConfigurationKey key, bool isBaseline)
    {
        TimeProvider time = _options.TimeProvider;
        var trial = new Trial(_nextNumber++, parameters, isBaseline, key, time.GetUtcNow(), time.GetTimestamp());
        _running.Add(trial.Number, trial);
        return trial;
    }

    private Dictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> configuration, bool includeAllKeys)
    {
        if (!includeAllKeys && _fixed.Count == 0 && configuration is Dictionary<string, object?> own && IsComplete(own))
        {
            return own;
        }

        var merged = new Dictionary<string, object?>(_space.Count + _fixed.Count, StringComparer.Ordinal);
        foreach (string name in _space.Names)
        {
            if (configuration.TryGetValue(name, out object? value))
            {
                merged[name] = ParamValue.Normalize(value);
            }
        }

        foreach (KeyValuePair<string, object?> pair in _fixed)
        {
            merged[pair.Key] = pair.Value;
        }

        if (includeAllKeys)
        {
            foreach (KeyValuePair<string, object?> pair in configuration)
            {
                merged.TryAdd(pair.Key, ParamValue.Normalize(pair.Value));
            }
        }

        return merged;
    }

    private bool IsComplete(Dictionary<string, object?> configuration)
    {
        if (configuration.Count != _space.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, object?> pair in configuration)
        {
            if (!_space.ContainsKey(pair.Key) || !ReferenceEquals(ParamValue.Normalize(pair.Value), pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class RunningView(Dictionary<int, Trial> running) : IReadOnlyCollection<IReadOnlyDictionary<string, object?>>
    {
        public int Count => running.Count;

        public IEnumerator<IReadOnlyDictionary<string, object?>> GetEnumerator() => running.Values.Select(t => t.Params).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
