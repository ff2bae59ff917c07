using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Keys;

/// <summary>
/// Creates and checks workspace API keys: <c>nmd_</c> and 32 random bytes in URL-safe base64. A store keeps only the
/// key's SHA-256 hash and its first characters, so a copy of the database opens nothing.
/// </summary>
public static class ApiKeys
{
    /// <summary>What every key starts with, so it is easy to recognise in a leaked file.</summary>
    public const string KeyPrefix = "nmd_";

    private const int RandomBytes = 32;
    private const int ShownCharacters = 8;

    /// <summary>Creates a key for a workspace, creating the workspace when it does not exist yet.</summary>
    /// <param name="store">The store.</param>
    /// <param name="workspace">The workspace's name.</param>
    /// <param name="timeProvider">The clock for the creation time.</param>
    /// <returns>The key, to show once.</returns>
    /// <exception cref="ArgumentException">The workspace name is empty, too long or holds control characters.</exception>
    public static NewApiKey Create(IWorkspaceStore store, string workspace, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (NameRules.Check(workspace, "workspace") is string problem)
        {
            throw new ArgumentException(problem, nameof(workspace));
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        return AddKey(store, store.CreateWorkspace(workspace, now), now);
    }

    /// <summary>
    /// Creates the first workspace of a store, allowed to adopt experiments, and a key for it; does nothing when the
    /// store has a workspace already. A server started for the first time over a storage calls this, so the person who
    /// started it can sign in and see every experiment the command line wrote there.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="workspace">The workspace's name.</param>
    /// <param name="timeProvider">The clock for the creation time.</param>
    /// <returns>The key, to show once, or <see langword="null"/> when the store had a workspace.</returns>
    /// <exception cref="ArgumentException">The workspace name is empty, too long or holds control characters.</exception>
    public static NewApiKey? CreateFirst(IWorkspaceStore store, string workspace, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (NameRules.Check(workspace, "workspace") is string problem)
        {
            throw new ArgumentException(problem, nameof(workspace));
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        return store.CreateFirstWorkspace(workspace, now) is WorkspaceInfo created ? AddKey(store, created, now) : null;
    }

    /// <summary>Finds the workspace a key opens.</summary>
    /// <param name="store">The store.</param>
    /// <param name="key">The key as the client sent it.</param>
    /// <returns>The workspace, or <see langword="null"/> for an unknown, malformed or revoked key.</returns>
    public static WorkspaceInfo? Authenticate(IWorkspaceStore store, string? key)
    {
        ArgumentNullException.ThrowIfNull(store);
        return IsWellFormed(key) ? store.FindWorkspaceByKey(Hash(key)) : null;
    }

    /// <summary>Tells whether a text could be a key: it starts with <see cref="KeyPrefix"/> and is not overly long.</summary>
    /// <param name="key">The text as the client sent it.</param>
    /// <returns><see langword="true"/> when it is worth looking up.</returns>
    public static bool IsWellFormed([NotNullWhen(true)] string? key) =>
        !string.IsNullOrWhiteSpace(key) && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length <= 200;

    /// <summary>Hashes a key as stores keep it: SHA-256 of its UTF-8 text, lowercase hexadecimal.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The hash.</returns>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static NewApiKey AddKey(IWorkspaceStore store, WorkspaceInfo workspace, DateTimeOffset now)
    {
        string key = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        ApiKeyInfo stored = store.AddKey(workspace.Id, Hash(key), key[..ShownCharacters], now);
        return new NewApiKey(key, stored, workspace);
    }
}
