using Nomadic.Pruning;
using Nomadic.Results;

namespace Nomadic.Experiments;

/// <summary>Answers <see cref="Trial.ShouldPrune"/>: shows the experiment's pruner the trial's values next to the other runs' values.</summary>
internal sealed class TrialPruning(IPruner pruner, ExperimentOptions options, ExperimentState state)
{
    public bool ShouldPrune(Trial trial)
    {
        (IReadOnlyList<RunResult> finished, Trial[] running) = trial.PeersAtStart is { } peers ? (peers, []) : state.ProgressSnapshot();
        var others = new List<RunningTrial>(running.Length);
        foreach (Trial other in running)
        {
            if (!ReferenceEquals(other, trial))
            {
                others.Add(new RunningTrial(other.Number, other.IntermediateValues));
            }
        }

        return pruner.ShouldPrune(new PruningContext
        {
            TrialNumber = trial.Number,
            IntermediateValues = trial.IntermediateValues,
            Direction = options.Direction,
            ExperimentName = options.Name,
            FinishedRuns = finished,
            RunningTrials = others,
        });
    }
}
