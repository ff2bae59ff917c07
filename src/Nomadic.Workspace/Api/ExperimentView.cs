using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Workspace.Api;

/// <summary>
/// An experiment's trials read once from the storage: the finished runs as a result, the trials a worker holds now,
/// and how many trials are in each state, all from the same read.
/// </summary>
/// <param name="Result">The finished runs in run-number order, as <see cref="ExperimentStorageExtensions.LoadResult"/> gives them.</param>
/// <param name="Running">The trials in state <see cref="TrialState.Running"/>, in trial order.</param>
/// <param name="Counts">How many trials are in each state, by the state's lowercase name, every state present.</param>
internal sealed record ExperimentView(ExperimentResult Result, IReadOnlyList<StoredTrial> Running, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>Builds the view from the experiment's trials, every one in its latest state, in any order.</summary>
    public static ExperimentView From(IExperimentStorage storage, StoredExperiment stored, IReadOnlyCollection<StoredTrial> trials)
    {
        IReadOnlyList<StoredTrial> running = [.. trials.Where(t => t.State == TrialState.Running).OrderBy(t => t.Number)];
        return new ExperimentView(storage.ToResult(stored, trials), running, ExperimentSummary.CountsOf(s => trials.Count(t => t.State == s)));
    }
}
