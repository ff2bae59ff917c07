namespace Nomadic.Pruning;

/// <summary>The settings of a <see cref="MedianPruner"/>, each with Optuna's default; checked when the pruner is created.</summary>
public sealed class MedianPrunerOptions
{
    /// <summary>Gets the number of runs that must complete before any run is pruned (Optuna's <c>n_startup_trials</c>).</summary>
    /// <value>The default value is 5.</value>
    public int StartupTrials { get; init; } = 5;

    /// <summary>Gets the number of steps a run takes before it can be pruned: no run is judged at a step below it (<c>n_warmup_steps</c>).</summary>
    /// <value>The default value is 0.</value>
    public int WarmupSteps { get; init; }

    /// <summary>Gets the interval, in steps after the warm-up, between two judgements of a run (<c>interval_steps</c>).</summary>
    /// <value>The default value is 1: every report is judged.</value>
    public int IntervalSteps { get; init; } = 1;

    /// <summary>Gets the number of completed runs that must have reported the current step for a run to be judged (<c>n_min_trials</c>).</summary>
    /// <value>The default value is 1.</value>
    public int MinTrials { get; init; } = 1;

    internal void Validate() => PrunerChecks.CheckPercentileSettings(nameof(MedianPrunerOptions), StartupTrials, WarmupSteps, IntervalSteps, MinTrials);
}
