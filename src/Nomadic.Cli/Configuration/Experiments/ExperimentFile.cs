using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Storage;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>
/// An experiment file as declared, every key checked for its type: what <c>nomadic run</c> reads before it resolves
/// the objective and the search space.
/// </summary>
internal sealed record ExperimentFile
{
    /// <summary>Gets the file as the user named it, for messages.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the folder relative paths in the file are resolved against.</summary>
    public required string Folder { get; init; }

    public required string Name { get; init; }

    public required ObjectiveSpec Objective { get; init; }

    /// <summary>Gets the <c>search_space</c> object; built into a search space once the objective is known.</summary>
    public ConfigSection? SearchSpace { get; init; }

    public IReadOnlyDictionary<string, object?>? FixedParams { get; init; }

    public IReadOnlyDictionary<string, object?>? CurrentParams { get; init; }

    /// <summary>Gets the configurations to evaluate first (<c>enqueue</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Enqueue { get; init; }

    /// <summary>Gets the full path of a results file whose runs the tuner learns from (<c>warm_start</c>).</summary>
    public string? WarmStart { get; init; }

    public TunerSpec? Tuner { get; init; }

    public Direction? Direction { get; init; }

    /// <summary>Gets the <c>objectives</c> besides the score, each read from the runs' metadata.</summary>
    public IReadOnlyList<ObjectiveMetric>? Objectives { get; init; }

    public int? NumSamples { get; init; }

    public TimeSpan? TimeBudget { get; init; }

    public int? MaxConcurrentTrials { get; init; }

    /// <summary>Gets whether runs at the same time are shown to the tuner in run order (<c>reproducible</c>), see <see cref="ExperimentOptions.Reproducible"/>.</summary>
    public bool? Reproducible { get; init; }

    public TimeSpan? TrialTimeout { get; init; }

    public RetryOptions? Retry { get; init; }

    public int? Seed { get; init; }

    /// <summary>Gets the <c>pruner</c> that stops unpromising runs early.</summary>
    public PrunerSpec? Pruner { get; init; }

    /// <summary>Gets how many times each run evaluates the objective (<c>repeats</c>).</summary>
    public int? Repeats { get; init; }

    public OutputSpec Output { get; init; } = new(null, null, null);

    /// <summary>Gets the storage the file names (<c>"storage"</c>), a relative SQLite path resolved against <see cref="Folder"/>.</summary>
    public StorageUrl? Storage { get; init; }

    /// <summary>Gets the whole file as plain values (objects, lists, scalars): what is stored so a worker can rebuild the experiment.</summary>
    public required IReadOnlyDictionary<string, object?> Declaration { get; init; }
}
