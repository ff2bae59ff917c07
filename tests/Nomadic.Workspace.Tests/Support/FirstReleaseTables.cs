namespace Nomadic.Workspace.Tests.Support;

/// <summary>
/// The workspace tables as the first release created them (before workspaces could adopt and experiments recorded
/// where they were created), with one workspace ("old-team") and one experiment ("old-exp"). <c>{p}</c> is the
/// table prefix and <c>{id}</c> the dialect's auto-increment key, as in the store's own schema.
/// </summary>
internal static class FirstReleaseTables
{
    public static readonly string[] Statements =
    [
        "CREATE TABLE {p}workspaces (id {id}, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)",
        """
        CREATE TABLE {p}workspace_experiments (
            storage_name TEXT NOT NULL PRIMARY KEY,
            workspace_id BIGINT NOT NULL REFERENCES {p}workspaces (id) ON DELETE CASCADE,
            experiment_id BIGINT NOT NULL,
            display_name TEXT NOT NULL,
            added_at TEXT NOT NULL
        )
        """,
        "INSERT INTO {p}workspaces (name, created_at) VALUES ('old-team', '2026-01-01T00:00:00.0000000+00:00')",
        """
        INSERT INTO {p}workspace_experiments (storage_name, workspace_id, experiment_id, display_name, added_at)
        SELECT 'old-exp', id, 1, 'old-exp', '2026-01-01T00:00:00.0000000+00:00' FROM {p}workspaces WHERE name = 'old-team'
        """,
    ];

    public static IEnumerable<string> For(string prefix, string autoIncrementKey) =>
        Statements.Select(s => s.Replace("{p}", prefix, StringComparison.Ordinal).Replace("{id}", autoIncrementKey, StringComparison.Ordinal));
}
