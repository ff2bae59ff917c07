namespace Nomadic.Workspace.Store;

/// <summary>Dashboard sessions: hashed ids, each tied to the key it was opened with and ending at a fixed time.</summary>
public abstract partial class DbWorkspaceStore
{
    private const string SessionWorkspace = WorkspaceColumns
        + " JOIN {p}workspace_api_keys k ON k.workspace_id = w.id JOIN {p}workspace_sessions s ON s.key_id = k.id"
        + " WHERE s.session_hash = @session AND s.expires_at > @now AND k.revoked_at IS NULL";

    /// <inheritdoc />
    public WorkspaceInfo? OpenSession(string keyHash, string sessionHash, DateTimeOffset now, DateTimeOffset expiresAt) => InTransaction(session =>
    {
        // Sign-ins are rare: tidying ended sessions here keeps the table small without a background job.
        session.Execute("DELETE FROM {p}workspace_sessions WHERE expires_at <= @now", ("now", Text(now)));
        int added = session.Execute(
            "INSERT INTO {p}workspace_sessions (session_hash, key_id, created_at, expires_at) SELECT @session, id, @now, @expires FROM {p}workspace_api_keys WHERE key_hash = @key AND revoked_at IS NULL",
            ("session", sessionHash), ("now", Text(now)), ("expires", Text(expiresAt)), ("key", keyHash));
        return added == 0 ? null : session.Query(SessionWorkspace, ReadWorkspace, ("session", sessionHash), ("now", Text(now))).FirstOrDefault();
    });

    /// <inheritdoc />
    public WorkspaceInfo? FindWorkspaceBySession(string sessionHash, DateTimeOffset now) =>
        WithSession(session => session.Query(SessionWorkspace, ReadWorkspace, ("session", sessionHash), ("now", Text(now))).FirstOrDefault());

    /// <inheritdoc />
    public bool CloseSession(string sessionHash) =>
        InTransaction(session => session.Execute("DELETE FROM {p}workspace_sessions WHERE session_hash = @session", ("session", sessionHash)) == 1);
}
