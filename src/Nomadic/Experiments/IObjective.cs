using Nomadic.Results;

namespace Nomadic.Experiments;

/// <summary>What an experiment optimizes: evaluates one configuration and returns its outcome.</summary>
/// <remarks>
/// Called once per run (once per repetition with <see cref="ExperimentOptions.Repeats"/>), possibly concurrently from
/// several threads (up to the experiment's maximum concurrent trials). Throwing marks the run failed with the
/// exception's message; the experiment goes on. An objective that learns step by step reports through
/// <see cref="Trial.Report"/>, asks <see cref="Trial.ShouldPrune"/>, and throws
/// <see cref="Pruning.TrialPrunedException"/> to stop a pruned run. The cancellation token fires when the experiment is
/// cancelled or the trial times out. Create one from a delegate with
/// <see cref="Objective.Create(Func{IReadOnlyDictionary{string, object}, double})"/>, <see cref="Objective.FromTrial(Func{Trial, double})"/>
/// and their overloads.
/// </remarks>
public interface IObjective
{
    /// <summary>Evaluates one configuration.</summary>
    /// <param name="trial">The run: its number and parameters (sampled merged with fixed).</param>
    /// <param name="cancellationToken">Fires when the run must stop.</param>
    /// <returns>The run's outcome: score and metadata; the parameters and bookkeeping are filled in by the experiment.</returns>
    ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken);
}
