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
        _ => throw new InputException("the Workspace needs a storage other processes can share: a SQLite file or PostgreSQL, not memory"),
    };
}
