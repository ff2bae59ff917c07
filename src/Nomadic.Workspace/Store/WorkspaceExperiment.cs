namespace Nomadic.Workspace.Store;

/// <summary>An experiment of the experiment storage that belongs to a workspace.</summary>
/// <param name="WorkspaceId">The owning workspace.</param>
/// <param name="ExperimentId">The storage's id of the experiment.</param>
/// <param name="StorageName">The experiment's name in the storage, which workers use to find it.</param>
/// <param name="DisplayName">The name shown in the workspace; renaming changes only this.</param>
/// <param name="AddedAt">When the experiment joined the workspace.</param>
public sealed record WorkspaceExperiment(long WorkspaceId, long ExperimentId, string StorageName, string DisplayName, DateTimeOffset AddedAt)
{
    /// <summary>
    /// Gets a value indicating whether the workspace created the experiment through its API; otherwise the command line
    /// or a worker wrote it and the workspace adopted it, and deleting its runs through the workspace needs confirmation.
    /// </summary>
    /// <value>The default value is <see langword="false"/> (adopted), as for experiments listed before this was recorded.</value>
    public bool CreatedHere { get; init; }
}
