namespace Nomadic.Workspace.Store;

/// <summary>An API key as stored: never the key itself, only its hash and its first characters.</summary>
/// <param name="Id">The store's id of the key.</param>
/// <param name="WorkspaceId">The workspace it opens.</param>
/// <param name="Prefix">The key's first characters, to tell keys apart in listings.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, or <see langword="null"/> while it is valid.</param>
public sealed record ApiKeyInfo(long Id, long WorkspaceId, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
