using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Finds a workspace's experiments in the storage. An experiment another workspace owns, or one deleted from the
/// storage behind the workspace's back, is simply not found: a caller cannot tell it from one that never existed.
/// </summary>
internal sealed class ExperimentAccess(IWorkspaceStore store, IExperimentStorage storage)
{
    public (WorkspaceExperiment Entry, StoredExperiment Stored) Find(WorkspaceInfo workspace, long id)
    {
        WorkspaceExperiment? entry = store.ListExperiments(workspace.Id).FirstOrDefault(e => e.ExperimentId == id);
        StoredExperiment? stored = entry is null ? null : storage.FindExperiment(entry.StorageName);
        return entry is not null && stored is not null && stored.Id == id ? (entry, stored) : throw ApiProblem.NotFound("experiment");
    }

    public IEnumerable<(WorkspaceExperiment Entry, StoredExperiment Stored)> List(WorkspaceInfo workspace)
    {
        foreach (WorkspaceExperiment entry in store.ListExperiments(workspace.Id))
        {
            if (storage.FindExperiment(entry.StorageName) is StoredExperiment stored && stored.Id == entry.ExperimentId)
            {
                yield return (entry, stored);
            }
        }
    }

    public ExperimentResult Result(StoredExperiment stored) =>
        storage.LoadResult(stored.Name) ?? throw ApiProblem.NotFound("experiment");

    /// <summary>Reads the experiment's trials a worker holds now, in trial order.</summary>
    public IReadOnlyList<StoredTrial> Running(StoredExperiment stored) =>
        [.. storage.ReadTrials(stored.Id, 0).Where(t => t.State == TrialState.Running).OrderBy(t => t.Number)];

    public ExperimentSummary Summary(WorkspaceExperiment entry, StoredExperiment stored) =>
        ExperimentSummary.Of(entry, stored, stored.TrialCounts.GetValueOrDefault(TrialState.Completed) > 0 ? storage.LoadResult(stored.Name) : null);
}
