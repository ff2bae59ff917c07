namespace Nomadic.Experiments;

/// <summary>A run in progress: the configuration an experiment handed out with <see cref="Experiment.Ask"/>.</summary>
public sealed class Trial
{
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

    internal ConfigurationKey Key { get; }

    /// <summary>Gets the trial's id in the experiment's storage, or 0 without one.</summary>
    internal long StorageId { get; init; }

    internal long StartTimestamp { get; }

    /// <inheritdoc />
    public override string ToString() => $"Trial {Number} {ParamValue.ToDisplayString(Params)}";
}
