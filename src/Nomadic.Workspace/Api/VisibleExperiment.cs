using Nomadic.Storage;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Api;

/// <summary>
/// An experiment a workspace sees: one it owns (created through its API or adopted), or, for a workspace allowed to
/// adopt, one the command line or a worker wrote that no workspace owns.
/// </summary>
/// <param name="Entry">The workspace's entry; for an experiment it does not own, one made up from the storage (its names, its creation time).</param>
/// <param name="Stored">The experiment as stored.</param>
/// <param name="Owned">Whether the workspace owns it; otherwise it is shown because no workspace does.</param>
internal sealed record VisibleExperiment(WorkspaceExperiment Entry, StoredExperiment Stored, bool Owned)
{
    /// <summary>Gets the experiment's best run as the storage's list summarized it, or <see langword="null"/> when it was found alone.</summary>
    public StoredExperimentSummary? Best { get; init; }

    /// <summary>Shows an experiment no workspace owns to a workspace allowed to adopt, under its storage name.</summary>
    public static VisibleExperiment Unowned(WorkspaceInfo workspace, StoredExperiment stored) =>
        new(new WorkspaceExperiment(workspace.Id, stored.Id, stored.Name, stored.Name, stored.CreatedAt), stored, false);
}
