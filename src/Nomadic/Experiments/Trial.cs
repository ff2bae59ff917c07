using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>A run in progress: the configuration an experiment handed out with <see cref="Experiment.Ask"/>.</summary>
/// <remarks>
/// An objective that learns step by step reports its progress with <see cref="Report"/> and asks
/// <see cref="ShouldPrune"/> after each report; when told to stop, it throws <see cref="TrialPrunedException"/>.
/// </remarks>
public sealed class Trial
{
    private readonly ReportedValues _reported = new();

    internal Trial(int number, IReadOnlyDictionary<string, object?> parameters, bool isBaseline, ConfigurationKey key, DateTimeOffset startedAt, long startTimestamp)
    {
        Number = number;
        Params = parameters;
        IsBaseline = isBaseline;
        Key = key;
        StartedAt = startedAt;
        StartTimestamp = startTimestamp;
    }

    /// <summary>Gets the run's number in its experiment, from 0 in the order runs started.</summary>
    public int Number { get; }

    /// <summary>Gets the parameters to evaluate: the tuner's configuration merged with the experiment's fixed parameters.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; }

    /// <summary>Gets a value indicating whether this run evaluates the experiment's current configuration.</summary>
    public bool IsBaseline { get; }

    /// <summary>Gets when the run was handed out.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets the values reported so far, in increasing step order, one per step (a snapshot that does not change).</summary>
    public IReadOnlyList<IntermediateValue> IntermediateValues => _reported.Snapshot;

    internal ConfigurationKey Key { get; }

    /// <summary>Gets the trial's id in the experiment's storage, or 0 without one.</summary>
    internal long StorageId { get; init; }

    internal long StartTimestamp { get; }

    /// <summary>Gets the finished runs a pruner judges this trial against, fixed when it started; <see langword="null"/> for the runs finished so far.</summary>
    internal IReadOnlyList<RunResult>? PeersAtStart { get; init; }

    /// <summary>Gets or sets a value indicating whether an attempt of this trial timed out.</summary>
    internal bool TimedOut { get; set; }

    /// <summary>Gets what answers <see cref="ShouldPrune"/>; <see langword="null"/> when the experiment has no pruner.</summary>
    internal TrialPruning? Pruning { get; init; }

    /// <summary>Reports the run's progress: the value it reached at a step (an epoch's validation score, say).</summary>
    /// <param name="step">The step, 0 or more; reporting a step again replaces its value.</param>
    /// <param name="value">The value, in the experiment's direction; the last one reported is a pruned run's score.</param>
    /// <remarks>Thread-safe. The values are recorded with the run (<see cref="RunResult.IntermediateValues"/>).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN.</exception>
    public void Report(int step, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (double.IsNaN(value))
        {
            throw new ArgumentException($"Trial {Number} reported NaN at step {step}; report a number (a diverged loss can be infinity).", nameof(value));
        }

        _reported.Add(step, value);
    }

    /// <summary>Asks the experiment's pruner whether this run should stop now, judging the values reported so far.</summary>
    /// <returns>
    /// <see langword="true"/> when the run should stop: throw <see cref="TrialPrunedException"/>. Always
    /// <see langword="false"/> without a pruner (<see cref="ExperimentOptions.Pruner"/>).
    /// </returns>
    public bool ShouldPrune() => Pruning?.ShouldPrune(this) ?? false;

    /// <inheritdoc />
    public override string ToString() => $"Trial {Number} {ParamValue.ToDisplayString(Params)}";
}
