using System.Globalization;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Workspace.Api;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Dashboard;

/// <summary>
/// A result a dashboard page shows: an experiment of the workspace (a numeric id) or an uploaded result (a GUID),
/// with its title, run counts by state, its page and the API path its plots are drawn from.
/// </summary>
/// <param name="Title">The experiment's or result's name.</param>
/// <param name="Result">Its runs.</param>
/// <param name="Counts">How many runs are in each state (<c>completed</c>, <c>running</c>, ...).</param>
/// <param name="PagePath">The dashboard page that shows it.</param>
/// <param name="ApiBase">The API path its views hang under (<c>/plots/NAME.svg</c>, ...).</param>
internal sealed record DashboardResult(string Title, ExperimentResult Result, IReadOnlyDictionary<string, int> Counts, string PagePath, string ApiBase)
{
    /// <summary>Gets the experiment's trials still running, read live from the storage; none for an uploaded result.</summary>
    public IReadOnlyList<StoredTrial> Running { get; init; } = [];

    /// <summary>Loads an experiment of the workspace; another workspace's is not found.</summary>
    public static DashboardResult Experiment(WorkspaceInfo workspace, ExperimentAccess access, long id)
    {
        VisibleExperiment experiment = access.Find(workspace, id);
        (ExperimentResult result, IReadOnlyList<StoredTrial> running, IReadOnlyDictionary<string, int> counts) = access.View(experiment.Stored);
        return new DashboardResult(experiment.Entry.DisplayName, result, counts, $"/experiments/{id}", $"/api/v1/experiments/{id}")
        {
            Running = running,
        };
    }

    /// <summary>Loads an uploaded result of the workspace; another workspace's is not found.</summary>
    public static DashboardResult Uploaded(WorkspaceInfo workspace, IWorkspaceStore store, Guid id)
    {
        ResultRecord record = store.FindResult(workspace.Id, id) ?? throw ApiProblem.NotFound("result");
        ExperimentResult result = ResultUpload.Assemble(record, store.ReadRuns(workspace.Id, id));
        var counts = result.RunResults.GroupBy(r => r.Status.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DashboardResult(record.Name ?? "(unnamed)", result, counts, $"/results/{id:D}", $"/api/v1/results/{id:D}");
    }

    /// <summary>Loads either kind from an id as the list page links them: a GUID is an uploaded result, a number an experiment.</summary>
    public static DashboardResult Find(WorkspaceInfo workspace, IWorkspaceStore store, ExperimentAccess access, string? id)
    {
        if (Guid.TryParse(id, CultureInfo.InvariantCulture, out Guid guid))
        {
            return Uploaded(workspace, store, guid);
        }

        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            ? Experiment(workspace, access, number)
            : throw ApiProblem.NotFound("experiment or result");
    }
}
