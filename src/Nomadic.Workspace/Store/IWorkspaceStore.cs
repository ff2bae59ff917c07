namespace Nomadic.Workspace.Store;

/// <summary>
/// Keeps what the Workspace adds to an experiment storage: workspaces, their hashed API keys, the dashboard's sessions
/// (hashed too), which stored experiments belong to which workspace, and uploaded results with their runs.
/// </summary>
/// <remarks>
/// Implementations live beside the experiment storage (the same SQLite file or PostgreSQL database), must be safe to
/// call from several threads, and never see a plain API key or session id. Every read that takes a workspace id returns nothing for
/// another workspace's data, so callers cannot leak it by mistake.
/// </remarks>
public interface IWorkspaceStore : IDisposable
{
    /// <summary>Creates a workspace, or returns the existing one of that name.</summary>
    /// <param name="name">The workspace's name (validated by the caller).</param>
    /// <param name="now">The creation time.</param>
    /// <returns>The workspace.</returns>
    WorkspaceInfo CreateWorkspace(string name, DateTimeOffset now);

    /// <summary>
    /// Creates a workspace allowed to adopt experiments, but only while the store holds no workspace at all: the first
    /// start of a server over a storage, where one person uses it alone.
    /// </summary>
    /// <param name="name">The workspace's name (validated by the caller).</param>
    /// <param name="now">The creation time.</param>
    /// <returns>The new workspace, or <see langword="null"/> (and nothing created) when the store has a workspace already.</returns>
    WorkspaceInfo? CreateFirstWorkspace(string name, DateTimeOffset now);

    /// <summary>Finds a workspace by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The workspace, or <see langword="null"/>.</returns>
    WorkspaceInfo? FindWorkspace(string name);

    /// <summary>Lets a workspace adopt stored experiments it did not create (by name), or stops it.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="mayAdopt">Whether it may.</param>
    /// <returns><see langword="false"/> when there is no such workspace.</returns>
    bool SetMayAdopt(long workspaceId, bool mayAdopt);

    /// <summary>Adds an API key to a workspace.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="keyHash">The key's SHA-256 hash, lowercase hexadecimal.</param>
    /// <param name="prefix">The key's first characters.</param>
    /// <param name="now">The creation time.</param>
    /// <returns>The stored key.</returns>
    ApiKeyInfo AddKey(long workspaceId, string keyHash, string prefix, DateTimeOffset now);

    /// <summary>Lists a workspace's keys, revoked ones included, oldest first.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The keys.</returns>
    IReadOnlyList<ApiKeyInfo> ListKeys(long workspaceId);

    /// <summary>Revokes a key of a workspace; it stops working at once, and so do the sessions opened with it.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="keyId">The key.</param>
    /// <param name="now">The revocation time.</param>
    /// <returns><see langword="false"/> when the workspace has no such valid key.</returns>
    bool RevokeKey(long workspaceId, long keyId, DateTimeOffset now);

    /// <summary>Finds the workspace a valid (not revoked) key opens.</summary>
    /// <param name="keyHash">The key's SHA-256 hash, lowercase hexadecimal.</param>
    /// <returns>The workspace, or <see langword="null"/> for an unknown or revoked key.</returns>
    WorkspaceInfo? FindWorkspaceByKey(string keyHash);

    /// <summary>Opens a dashboard session with a valid key, and forgets sessions that have ended.</summary>
    /// <param name="keyHash">The SHA-256 hash of the key the user signed in with, lowercase hexadecimal.</param>
    /// <param name="sessionHash">The SHA-256 hash of the new session's random id, lowercase hexadecimal.</param>
    /// <param name="now">The sign-in time.</param>
    /// <param name="expiresAt">When the session ends.</param>
    /// <returns>The workspace the session opens, or <see langword="null"/> (and no session) for an unknown or revoked key.</returns>
    WorkspaceInfo? OpenSession(string keyHash, string sessionHash, DateTimeOffset now, DateTimeOffset expiresAt);

    /// <summary>Finds the workspace a session opens while it lasts and its key is valid.</summary>
    /// <param name="sessionHash">The SHA-256 hash of the session's id, lowercase hexadecimal.</param>
    /// <param name="now">The current time, compared with the session's end.</param>
    /// <returns>The workspace, or <see langword="null"/> for an unknown, ended or closed session, or one whose key was revoked.</returns>
    WorkspaceInfo? FindWorkspaceBySession(string sessionHash, DateTimeOffset now);

    /// <summary>Closes a session (sign-out); its id opens nothing afterwards.</summary>
    /// <param name="sessionHash">The SHA-256 hash of the session's id, lowercase hexadecimal.</param>
    /// <returns><see langword="false"/> when there was no such session.</returns>
    bool CloseSession(string sessionHash);

    /// <summary>Gives a stored experiment to a workspace, unless another workspace owns it.</summary>
    /// <param name="experiment">The experiment and its owner.</param>
    /// <returns>The owning entry: <paramref name="experiment"/>'s, or the one that already existed.</returns>
    WorkspaceExperiment AddExperiment(WorkspaceExperiment experiment);

    /// <summary>Finds which workspace owns a stored experiment, by its storage name.</summary>
    /// <param name="storageName">The experiment's name in the storage.</param>
    /// <returns>The entry, or <see langword="null"/> when no workspace owns it.</returns>
    WorkspaceExperiment? FindExperimentOwner(string storageName);

    /// <summary>
    /// Lists the storage names of the experiments some workspace owns, whichever it is; the others are the command
    /// line's, which a workspace allowed to adopt lists too.
    /// </summary>
    /// <returns>The storage names.</returns>
    IReadOnlySet<string> ListOwnedStorageNames();

    /// <summary>Lists a workspace's experiments, oldest first.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The experiments.</returns>
    IReadOnlyList<WorkspaceExperiment> ListExperiments(long workspaceId);

    /// <summary>Changes the name an experiment is shown under.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="experimentId">The storage's id of the experiment.</param>
    /// <param name="displayName">The new name.</param>
    /// <returns><see langword="false"/> when the workspace has no such experiment.</returns>
    bool RenameExperiment(long workspaceId, long experimentId, string displayName);

    /// <summary>Removes an experiment from a workspace; its runs stay in the storage unless the caller deletes them.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="experimentId">The storage's id of the experiment.</param>
    /// <returns><see langword="false"/> when the workspace has no such experiment.</returns>
    bool RemoveExperiment(long workspaceId, long experimentId);

    /// <summary>Stores a new result with its runs.</summary>
    /// <param name="result">The result (its run count is taken from <paramref name="runs"/>).</param>
    /// <param name="runs">The runs, one per trial number.</param>
    void CreateResult(ResultRecord result, IReadOnlyList<RunRecord> runs);

    /// <summary>Finds a workspace's result.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="id">The result's id.</param>
    /// <returns>The result, or <see langword="null"/> when the workspace has none with that id.</returns>
    ResultRecord? FindResult(long workspaceId, Guid id);

    /// <summary>Lists a workspace's results, oldest first.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The results.</returns>
    IReadOnlyList<ResultRecord> ListResults(long workspaceId);

    /// <summary>Replaces a result's header and all its runs.</summary>
    /// <param name="result">The result's new state (matched by workspace and id).</param>
    /// <param name="runs">The runs that replace the old ones.</param>
    /// <returns><see langword="false"/> when the workspace has no such result.</returns>
    bool ReplaceResult(ResultRecord result, IReadOnlyList<RunRecord> runs);

    /// <summary>Adds runs to a result, replacing those with the same trial number, so uploading twice keeps one copy.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="id">The result's id.</param>
    /// <param name="runs">The runs.</param>
    /// <param name="now">The update time.</param>
    /// <returns>What changed, or <see langword="null"/> when the workspace has no such result.</returns>
    RunUpsert? UpsertRuns(long workspaceId, Guid id, IReadOnlyList<RunRecord> runs, DateTimeOffset now);

    /// <summary>Reads a result's runs in trial-number order.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="id">The result's id.</param>
    /// <returns>The runs; empty when the workspace has no such result.</returns>
    IReadOnlyList<RunRecord> ReadRuns(long workspaceId, Guid id);

    /// <summary>Deletes a result and its runs.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="id">The result's id.</param>
    /// <returns><see langword="false"/> when the workspace has no such result.</returns>
    bool DeleteResult(long workspaceId, Guid id);
}
