using Nomadic.Workspace.Store;

namespace Nomadic.Cli.Storage;

/// <summary>Opens the Workspace's tables beside the experiment storage a <see cref="StorageUrl"/> names.</summary>
internal static class WorkspaceStores
{
    /// <summary>Opens the workspace store in the same SQLite file or PostgreSQL database as the experiments.</summary>
    /// <exception cref="InputException">The storage is in memory, which no server or other process can share.</exception>
    public static IWorkspaceStore Open(StorageUrl url) => url.Kind switch
    {
        StorageKind.Sqlite => new SqliteWorkspaceStore(url.Target),
        StorageKind.Postgres => new PostgresWorkspaceStore(url.Target),
        _ => throw NotShared(),
    };

    /// <summary>Opens the workspace store for a command that only reads: a SQLite file is opened read-only and never changed.</summary>
    /// <returns>The store, or <see langword="null"/> when the SQLite file does not exist (so it holds no workspace).</returns>
    /// <exception cref="InputException">The storage is in memory.</exception>
    public static IWorkspaceStore? OpenForReading(StorageUrl url) => url.Kind switch
    {
        StorageKind.Sqlite => File.Exists(url.Target) ? new SqliteWorkspaceStore(url.Target, StorageUrl.ReadOnlySqlite) : null,
        StorageKind.Postgres => new PostgresWorkspaceStore(url.Target),
        _ => throw NotShared(),
    };

    private static InputException NotShared() =>
        new("the Workspace needs a storage other processes can share: a SQLite file or PostgreSQL, not memory");
}
