namespace Nomadic.Tuning.LocalSearch;

/// <summary>
/// How fast a search thread improves per unit of cost, and the priority BlendSearch derives from it (FLAML's
/// <c>SearchThread</c>, Wang et al. 2021). Values are to be minimized; cost is run time, or one per run without it.
/// </summary>
internal sealed class ThreadProgress
{
    private double _total;
    private double _bestCost;
    private double _secondCost;

    /// <summary>Initializes a new instance of the <see cref="ThreadProgress"/> class.</summary>
    /// <param name="best">The best value the thread starts with; +∞ when unknown.</param>
    /// <param name="cost">The cost already spent to reach it.</param>
    public ThreadProgress(double best, double cost)
    {
        Best = Second = best;
        _total = _bestCost = cost;
    }

    /// <summary>Gets the best value seen.</summary>
    public double Best { get; private set; }

    /// <summary>Gets the best value before the last improvement.</summary>
    public double Second { get; private set; }

    /// <summary>Gets the improvement per unit of cost between the last two improvements; 0 when unknown.</summary>
    public double Speed { get; private set; }

    /// <summary>Gets the number of the thread's configurations running now.</summary>
    public int Running { get; private set; }

    /// <summary>Counts a configuration the thread proposed.</summary>
    public void Started() => Running++;

    /// <summary>Counts a proposed configuration that will never run.</summary>
    public void Withdrawn() => Running = Math.Max(0, Running - 1);

    /// <summary>Records the outcome of one of the thread's configurations.</summary>
    /// <param name="value">The value, <see cref="double.NaN"/> for a failed or pruned run.</param>
    /// <param name="cost">What the run cost.</param>
    public void Finished(double value, double cost)
    {
        _total += cost;
        if (value < Best)
        {
            _secondCost = _bestCost;
            _bestCost = _total;
            Second = double.IsPositiveInfinity(Best) ? value : Best;
            Best = value;
        }

        // Unfinished runs discount the speed: their results may still change it.
        double span = _total - _secondCost;
        Speed = Second > Best && span > 0 ? (Second - Best) / Math.Max(Running, 1) / span : 0;
        Withdrawn();
    }

    /// <summary>Estimates the cost for the thread to improve on <paramref name="target"/>; a thread without a speed borrows <paramref name="maxSpeed"/>.</summary>
    /// <param name="target">The best value of the experiment.</param>
    /// <param name="maxSpeed">The fastest speed of all threads.</param>
    /// <returns>The estimated cost.</returns>
    public double EstimatedCostForImprovement(double target, double maxSpeed)
    {
        if (Speed == 0)
        {
            Speed = maxSpeed;
        }

        double eci = Math.Max(_total - _bestCost, _bestCost - _secondCost);
        if (Best > target && Speed > 0)
        {
            eci = Math.Max(eci, 2 * (Best - target) / Speed);
        }

        return eci;
    }

    /// <summary>Gets the thread's priority: its best value projected forward at its speed over <paramref name="budget"/>, negated so higher is better.</summary>
    /// <param name="budget">The smallest estimated cost for improvement among the threads.</param>
    /// <returns>The priority; −∞ for a thread that has no value yet.</returns>
    public double Priority(double budget)
    {
        double projected = budget * Speed;
        return double.IsFinite(projected) ? projected - Best : -Best;
    }
}
