using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Finds the experiments a workspace sees in the storage: those it owns and, for a workspace allowed to adopt, every
/// experiment the command line or a worker wrote that no workspace owns. An experiment another workspace owns, or one
/// deleted from the storage behind the workspace's back, is simply not found: a caller cannot tell it from one that
/// never existed.
/// </summary>
internal sealed class ExperimentAccess(IWorkspaceStore store, IExperimentStorage storage, ExperimentViewCache views)
{
    public VisibleExperiment Find(WorkspaceInfo workspace, long id)
    {
        WorkspaceExperiment? entry = store.ListExperiments(workspace.Id).FirstOrDefault(e => e.ExperimentId == id);
        if (entry is not null)
        {
            return storage.FindExperiment(entry.StorageName) is StoredExperiment stored && stored.Id == id
                ? new VisibleExperiment(entry, stored, true)
                : throw ApiProblem.NotFound("experiment");
        }

        return workspace.MayAdopt
            && storage.FindExperiment(id) is StoredExperiment unowned
            && store.FindExperimentOwner(unowned.Name) is null
            ? VisibleExperiment.Unowned(workspace, unowned)
            : throw ApiProblem.NotFound("experiment");
    }

    /// <summary>
    /// Lists what the workspace sees: its own experiments in the order it got them, then the command line's oldest
    /// first, each with its best run. Three reads whatever the number of experiments and runs: the workspace's entries,
    /// the owned names, and the storage's summaries.
    /// </summary>
    public IReadOnlyList<VisibleExperiment> List(WorkspaceInfo workspace)
    {
        IReadOnlyList<WorkspaceExperiment> entries = store.ListExperiments(workspace.Id);
        IReadOnlySet<string> owned = workspace.MayAdopt ? store.ListOwnedStorageNames() : new HashSet<string>();
        Dictionary<long, StoredExperimentSummary> stored = storage.ListExperimentSummaries().ToDictionary(s => s.Experiment.Id);
        var visible = new List<VisibleExperiment>();
        foreach (WorkspaceExperiment entry in entries)
        {
            if (stored.TryGetValue(entry.ExperimentId, out StoredExperimentSummary? summary) && summary.Experiment.Name == entry.StorageName)
            {
                visible.Add(new VisibleExperiment(entry, summary.Experiment, true) { Best = summary });
            }
        }

        if (workspace.MayAdopt)
        {
            visible.AddRange(stored.Values
                .Where(s => !owned.Contains(s.Experiment.Name))
                .OrderBy(s => s.Experiment.CreatedAt)
                .ThenBy(s => s.Experiment.Id)
                .Select(s => VisibleExperiment.Unowned(workspace, s.Experiment) with { Best = s }));
        }

        return visible;
    }

    /// <summary>
    /// Reads the experiment's trials once, only those changed since it was last viewed: its finished runs, the trials
    /// running now and the counts.
    /// </summary>
    public ExperimentView View(StoredExperiment stored) => views.View(stored);

    public ExperimentResult Result(StoredExperiment stored) => View(stored).Result;

    /// <summary>
    /// Summarizes an experiment: with the best run <see cref="List"/> read, or else from its trials, read only when a
    /// run has completed.
    /// </summary>
    public ExperimentSummary Summary(VisibleExperiment experiment)
    {
        if (experiment.Best is { } listed)
        {
            return ExperimentSummary.Of(experiment, listed.BestScore, listed.BestTrialNumber);
        }

        ExperimentResult? result = experiment.Stored.TrialCounts.GetValueOrDefault(TrialState.Completed) > 0 ? Result(experiment.Stored) : null;
        RunResult? best = result is { BestIndex: >= 0 } ? result.BestRunResult : null;
        return ExperimentSummary.Of(experiment, best?.Score, best?.TrialNumber);
    }
}
