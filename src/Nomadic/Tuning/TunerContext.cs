using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>The state of the experiment a tuner sees when asked for a configuration.</summary>
public sealed class TunerContext
{
    internal TunerContext(IReadOnlyList<RunResult> finishedRuns, IReadOnlyCollection<IReadOnlyDictionary<string, object?>> runningConfigurations)
    {
        FinishedRuns = finishedRuns;
        RunningConfigurations = runningConfigurations;
    }

    /// <summary>
    /// Gets the runs finished so far, in the order the tuner was shown them: as they finished, or in run order with
    /// <see cref="Experiments.ExperimentOptions.Reproducible"/>. Valid only during the call.
    /// </summary>
    public IReadOnlyList<RunResult> FinishedRuns { get; }

    /// <summary>
    /// Gets the parameters of the runs in progress, in this process and (with a shared storage) in other workers, so a
    /// model-based tuner can avoid proposing them again.
    /// </summary>
    public IReadOnlyCollection<IReadOnlyDictionary<string, object?>> RunningConfigurations { get; }

    /// <summary>Gets how many times the experiment asked for a configuration since the last one it accepted (it rejects duplicates).</summary>
    public int RejectedSuggestions { get; internal set; }
}
