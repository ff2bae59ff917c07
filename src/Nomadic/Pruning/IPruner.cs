namespace Nomadic.Pruning;

/// <summary>
/// Decides whether a run in progress should stop early because it is not promising (Optuna's pruner). A pruner
/// instance serves one experiment, set as <see cref="Experiments.ExperimentOptions.Pruner"/>.
/// </summary>
/// <remarks>
/// <see cref="ShouldPrune"/> is called whenever an objective asks <see cref="Experiments.Trial.ShouldPrune"/>, on the
/// objective's thread and possibly concurrently for several runs, so implementations must be thread-safe. It must be
/// quick and must not block, evaluate the objective or change the context's lists; it only answers.
/// </remarks>
public interface IPruner
{
    /// <summary>Judges one run in progress against the experiment's other runs.</summary>
    /// <param name="context">The run's reported values, the experiment's direction and the other runs' values.</param>
    /// <returns><see langword="true"/> when the run should stop now.</returns>
    bool ShouldPrune(PruningContext context);
}
