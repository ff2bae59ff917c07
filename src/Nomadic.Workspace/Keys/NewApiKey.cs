using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Keys;

/// <summary>A key just created: the only time its plain text exists outside the caller's hands.</summary>
/// <param name="Key">The key to give the user; the store keeps only its hash.</param>
/// <param name="Info">The stored key.</param>
/// <param name="Workspace">The workspace it opens.</param>
public sealed record NewApiKey(string Key, ApiKeyInfo Info, WorkspaceInfo Workspace);
