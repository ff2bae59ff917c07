namespace Nomadic.Workspace.Store;

/// <summary>An experiment of the experiment storage that belongs to a workspace.</summary>
/// <param name="WorkspaceId">The owning workspace.</param>
/// <param name="ExperimentId">The storage's id of the experiment.</param>
/// <param name="StorageName">The experiment's name in the storage, which workers use to find it.</param>
/// <param name="DisplayName">The name shown in the workspace; renaming changes only this.</param>
/// <param name="AddedAt">When the experiment joined the workspace.</param>
public sealed record WorkspaceExperiment(long WorkspaceId, long ExperimentId, string StorageName, string DisplayName, DateTimeOffset AddedAt);
