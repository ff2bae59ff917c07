using Nomadic.Results;

namespace Nomadic.Pruning;

/// <summary>What a pruner judges a run in progress by: its reported values and those of the experiment's other runs.</summary>
/// <remarks>The lists are snapshots taken when the run asked; they are valid during the call and must not be changed.</remarks>
public sealed class PruningContext
{
    /// <summary>Gets the number of the run being judged.</summary>
    public required int TrialNumber { get; init; }

    /// <summary>Gets the values the run reported so far, in increasing step order; the last one is its current step.</summary>
    public required IReadOnlyList<IntermediateValue> IntermediateValues { get; init; }

    /// <summary>Gets whether higher or lower values are better.</summary>
    public required Direction Direction { get; init; }

    /// <summary>Gets the experiment's name, when it has one (Hyperband hashes it with the run's number).</summary>
    public string? ExperimentName { get; init; }

    /// <summary>
    /// Gets the experiment's finished runs (completed, failed and pruned; restored ones and, with a shared storage,
    /// other workers' ones included), each with its <see cref="RunResult.IntermediateValues"/>.
    /// </summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<RunResult> FinishedRuns { get; init; } = [];

    /// <summary>Gets the other runs in progress in this process, with the values they reported so far.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<RunningTrial> RunningTrials { get; init; } = [];

    /// <summary>Gets the step of the last reported value, or -1 when none was reported.</summary>
    internal int LastStep => IntermediateValues.Count > 0 ? IntermediateValues[^1].Step : -1;

    /// <summary>Gets the step reported before the last one, or -1.</summary>
    internal int PreviousStep => IntermediateValues.Count > 1 ? IntermediateValues[^2].Step : -1;

    /// <summary>Lists every other run's values, finished runs first, with its number and (for a finished run) status.</summary>
    internal IEnumerable<(int TrialNumber, RunStatus? Status, IReadOnlyList<IntermediateValue> Values)> OtherRuns()
    {
        foreach (RunResult run in FinishedRuns)
        {
            yield return (run.TrialNumber, run.Status, run.IntermediateValues);
        }

        foreach (RunningTrial trial in RunningTrials)
        {
            yield return (trial.TrialNumber, null, trial.IntermediateValues);
        }
    }
}
