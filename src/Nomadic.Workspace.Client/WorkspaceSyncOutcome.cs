namespace Nomadic.Workspace.Client;

/// <summary>What <see cref="WorkspaceClient.TrySyncAsync"/> did.</summary>
/// <param name="Synced">Whether the result is on the Workspace now.</param>
/// <param name="ClientId">The result's id on the Workspace, or <see langword="null"/> when it never got there.</param>
/// <param name="Error">Why it failed, or <see langword="null"/>.</param>
public sealed record WorkspaceSyncOutcome(bool Synced, string? ClientId, string? Error);
