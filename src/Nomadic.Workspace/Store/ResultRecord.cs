namespace Nomadic.Workspace.Store;

/// <summary>An experiment result uploaded to a workspace, without its runs.</summary>
/// <param name="Id">The result's id, which the uploader keeps as <c>ExperimentResult.ClientId</c>.</param>
/// <param name="WorkspaceId">The owning workspace.</param>
/// <param name="Name">The result's name, or <see langword="null"/>.</param>
/// <param name="Header">The result's JSON without runs (search space, direction, objectives, metadata).</param>
/// <param name="RunCount">How many runs it holds.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ResultRecord(Guid Id, long WorkspaceId, string? Name, string Header, int RunCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
