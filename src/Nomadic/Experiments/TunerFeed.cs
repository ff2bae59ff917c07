using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// Decides what the tuner sees and when. By default a run is shown as soon as it finishes, so with several runs at a
/// time the tuner's view depends on which finishes first. In run order (<see cref="ExperimentOptions.Reproducible"/>)
/// with k runs at a time, finished runs are held back and shown in the order they started: before trial n starts the
/// tuner has seen exactly trials 0..n-k, and trials n-k+1..n-1 are the running ones, so its view is a function of the
/// seed and the results alone. Not thread-safe: the experiment's lock guards it.
/// </summary>
internal sealed class TunerFeed
{
    private readonly ITuner _tuner;
    private readonly int? _window;
    private readonly List<RunResult> _shown = [];
    private readonly List<Trial> _pending = [];
    private readonly Dictionary<Trial, RunResult> _held = [];
    private readonly TunerContext _context;
    private RunResult[]? _shownSnapshot;

    /// <param name="tuner">The tuner, already initialized.</param>
    /// <param name="window">The runs at a time whose results are shown in run order, or <see langword="null"/> to show each as it finishes.</param>
    /// <param name="runningElsewhere">The configurations other workers are running, shown as running.</param>
    public TunerFeed(ITuner tuner, int? window, IReadOnlyDictionary<long, IReadOnlyDictionary<string, object?>> runningElsewhere)
    {
        _tuner = tuner;
        _window = window;
        _context = new TunerContext(_shown, new RunningView(_pending, runningElsewhere));
    }

    /// <summary>Gets the runs shown so far, as a list that does not change.</summary>
    public IReadOnlyList<RunResult> ShownSnapshot => _shownSnapshot ??= [.. _shown];

    /// <summary>Shows a run that was not started here (restored, or finished by another worker) at once.</summary>
    public void ShowNow(RunResult run) => Show(run);

    /// <summary>Teaches the tuner a run of an earlier experiment (warm start); it is not among this experiment's finished runs.</summary>
    public void Learn(RunResult run) => _tuner.Observe(run);

    /// <summary>Shows the runs whose turn has come; returns the trial whose result must come before the next trial may start.</summary>
    /// <returns>The trial to wait for, or <see langword="null"/> when the next trial may start now.</returns>
    public Trial? NextInLine()
    {
        if (_window is not int window)
        {
            return null;
        }

        while (_pending.Count >= window)
        {
            Trial first = _pending[0];
            if (!_held.Remove(first, out RunResult? run))
            {
                return first;
            }

            _pending.RemoveAt(0);
            Show(run);
        }

        return null;
    }

    public void Started(Trial trial) => _pending.Add(trial);

    public void Finished(Trial trial, RunResult run)
    {
        if (_window is null)
        {
            _pending.Remove(trial);
            Show(run);
        }
        else
        {
            _held[trial] = run;
        }
    }

    public void Abandoned(Trial trial)
    {
        _pending.Remove(trial);
        _held.Remove(trial);
    }

    /// <summary>Asks the tuner for a configuration.</summary>
    /// <param name="rejectedSuggestions">How many of its suggestions were rejected since the last one accepted.</param>
    public IReadOnlyDictionary<string, object?>? Suggest(int rejectedSuggestions)
    {
        _context.RejectedSuggestions = rejectedSuggestions;
        return _tuner.Suggest(_context);
    }

    private void Show(RunResult run)
    {
        _shown.Add(run);
        _shownSnapshot = null;
        _tuner.Observe(run);
    }

    // The configurations the tuner sees as running: started here and not yet shown, then other workers'.
    private sealed class RunningView(List<Trial> here, IReadOnlyDictionary<long, IReadOnlyDictionary<string, object?>> elsewhere)
        : IReadOnlyCollection<IReadOnlyDictionary<string, object?>>
    {
        public int Count => here.Count + elsewhere.Count;

        public IEnumerator<IReadOnlyDictionary<string, object?>> GetEnumerator() =>
            here.Select(t => t.Params).Concat(elsewhere.Values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
