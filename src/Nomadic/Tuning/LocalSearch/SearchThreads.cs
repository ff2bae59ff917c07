namespace Nomadic.Tuning.LocalSearch;

/// <summary>
/// BlendSearch's pool of local searches (Wang et al. 2021, "Economical Hyperparameter Optimization with Blended Search
/// Strategy"): it chooses who proposes next by priority, starts threads at promising points and removes threads that
/// converged or came within another's step of a better incumbent.
/// </summary>
internal sealed class SearchThreads
{
    private readonly List<LocalThread> _threads = [];
    private readonly int _capacity;
    private readonly int _maxRunning;

    /// <summary>Initializes a new instance of the <see cref="SearchThreads"/> class.</summary>
    /// <param name="capacity">The most threads kept at once.</param>
    /// <param name="dimension">The dimension of the normalized space; a thread runs at most 2d configurations at once, as in FLAML.</param>
    public SearchThreads(int capacity, int dimension)
    {
        _capacity = capacity;
        _maxRunning = Math.Max(2 * dimension, 2);
    }

    /// <summary>Gets the live threads.</summary>
    public IReadOnlyList<LocalThread> Threads => _threads;

    /// <summary>
    /// Chooses the thread with the highest priority that may propose now, or <see langword="null"/> when the global
    /// search's priority is higher (ties go to the local search).
    /// </summary>
    /// <param name="global">The global search's progress.</param>
    /// <param name="target">The best value of the experiment.</param>
    /// <param name="excluded">Threads that could not propose in this round.</param>
    /// <returns>The thread, or <see langword="null"/> for the global search.</returns>
    public LocalThread? Select(ThreadProgress global, double target, ICollection<LocalThread> excluded)
    {
        double maxSpeed = _threads.Select(t => t.Progress.Speed).Append(global.Speed).Max();
        double budget = global.EstimatedCostForImprovement(target, maxSpeed);
        foreach (LocalThread thread in _threads)
        {
            budget = Math.Min(budget, thread.Progress.EstimatedCostForImprovement(target, maxSpeed));
        }

        double best = global.Priority(budget);
        LocalThread? choice = null;
        foreach (LocalThread thread in _threads)
        {
            if (!excluded.Contains(thread) && !thread.IsConverged && thread.Progress.Running < _maxRunning && thread.Progress.Priority(budget) >= best)
            {
                best = thread.Progress.Priority(budget);
                choice = thread;
            }
        }

        return choice;
    }

    /// <summary>Starts a thread at a point when there is none or the point beats the median of the threads' best values.</summary>
    /// <param name="value">The value at the point.</param>
    /// <param name="create">Creates the thread.</param>
    public void Consider(double value, Func<LocalThread> create)
    {
        if (_threads.Count > 0 && !(value < Median()))
        {
            return;
        }

        LocalThread thread = create();
        _threads.Add(thread);
        if (_threads.Count > _capacity)
        {
            Remove(_threads.MaxBy(t => t.Best)!);
        }

        Merge(thread);
    }

    /// <summary>Removes a thread that converged, or that met another thread, after it learnt a result.</summary>
    /// <param name="thread">The thread.</param>
    public void Settle(LocalThread thread)
    {
        if (thread.IsAlive && thread.IsConverged)
        {
            Remove(thread);
        }
        else if (thread.IsAlive)
        {
            Merge(thread);
        }
    }

    /// <summary>Removes a thread; its pending results are ignored.</summary>
    /// <param name="thread">The thread.</param>
    public void Remove(LocalThread thread)
    {
        thread.IsAlive = false;
        _threads.Remove(thread);
    }

    // FLAML's _clean: a thread no better than another and within that one's step of it duplicates its work.
    private void Merge(LocalThread thread)
    {
        foreach (LocalThread other in _threads.Where(o => o != thread && IsInferior(o, thread)).ToArray())
        {
            Remove(other);
        }

        if (_threads.Exists(o => o != thread && IsInferior(thread, o)))
        {
            Remove(thread);
        }
    }

    private static bool IsInferior(LocalThread thread, LocalThread other) =>
        thread.Best >= other.Best && thread.DistanceTo(other) <= other.Step;

    private double Median()
    {
        double[] values = _threads.Select(t => t.Best).Order().ToArray();
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }
}
