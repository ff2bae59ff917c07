using System.Collections.Concurrent;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Experiments;

/// <summary>
/// The trials an experiment knows: those running in this process, and the finished runs (its own, restored ones and
/// other workers'). Not thread-safe, except <see cref="LeasedIds"/>: the experiment's lock guards it.
/// </summary>
internal sealed class TrialBook
{
    private readonly List<RunResult> _finished = [];
    private readonly Dictionary<int, Trial> _running = [];
    private readonly ConcurrentDictionary<long, byte> _leased = new();
    private readonly HashSet<long> _finishedIds = [];
    private RunResult[]? _finishedSnapshot;
    private Trial[]? _runningSnapshot;

    public int FinishedCount => _finished.Count;

    public int RunningCount => _running.Count;

    public void Start(Trial trial)
    {
        _running.Add(trial.Number, trial);
        _runningSnapshot = null;
        if (trial.StorageId != 0)
        {
            _leased[trial.StorageId] = 0;
        }
    }

    /// <summary>Records a running trial's run; <see langword="false"/> when the trial is not running (already told or abandoned).</summary>
    public bool Finish(Trial trial, RunResult run)
    {
        if (!Stop(trial))
        {
            return false;
        }

        _finishedIds.Add(trial.StorageId);
        Add(run);
        return true;
    }

    /// <summary>Forgets a running trial given back unevaluated; <see langword="false"/> when it is not running.</summary>
    public bool Stop(Trial trial)
    {
        if (!_running.Remove(trial.Number))
        {
            return false;
        }

        _runningSnapshot = null;
        _leased.TryRemove(trial.StorageId, out _);
        return true;
    }

    /// <summary>Records a run that did not finish here: restored, or (with its stored id) another worker's.</summary>
    public void Restore(RunResult run, long storageId = 0)
    {
        if (storageId != 0)
        {
            _finishedIds.Add(storageId);
        }

        Add(run);
    }

    /// <summary>Gets a value indicating whether a trial is running here (not told nor abandoned yet).</summary>
    public bool IsRunning(Trial trial) => _running.TryGetValue(trial.Number, out Trial? running) && ReferenceEquals(running, trial);

    /// <summary>Gets a value indicating whether a stored trial is one this process finished or is running.</summary>
    public bool IsOwn(StoredTrial trial) =>
        _finishedIds.Contains(trial.Id) || (_running.TryGetValue(trial.Number, out Trial? own) && own.StorageId == trial.Id);

    /// <summary>Gets the finished runs and the running trials as lists that do not change.</summary>
    public (IReadOnlyList<RunResult> Finished, Trial[] Running) Snapshot() =>
        (_finishedSnapshot ??= [.. _finished], _runningSnapshot ??= [.. _running.Values]);

    public RunResult[] RunsInOrder()
    {
        RunResult[] runs = [.. _finished];
        Array.Sort(runs, (a, b) => a.TrialNumber.CompareTo(b.TrialNumber));
        return runs;
    }

    /// <summary>Gets the stored ids of the trials running here; safe to call without the experiment's lock.</summary>
    public long[] LeasedIds() => [.. _leased.Keys];

    private void Add(RunResult run)
    {
        _finished.Add(run);
        _finishedSnapshot = null;
    }
}
