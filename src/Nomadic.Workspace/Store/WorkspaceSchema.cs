namespace Nomadic.Workspace.Store;

/// <summary>
/// The Workspace's tables at version 1 of <see cref="WorkspaceMigrations"/>, beside the experiment storage's own.
/// <c>{p}</c> is the table prefix (a PostgreSQL schema and a dot, or nothing for SQLite) and <c>{id}</c> the dialect's
/// auto-increment key. A column added before versions were kept is also listed in <see cref="AddedColumns"/>, so
/// databases made before it gain the column, with its default for the rows they hold. Every statement creates only what
/// is missing, so a database made before versions were kept is brought to version 1 without losing a row.
/// </summary>
internal static class WorkspaceSchema
{
    public static readonly string[] Statements =
    [
        """
        CREATE TABLE IF NOT EXISTS {p}workspaces (
            id {id},
            name TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            may_adopt INTEGER NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS {p}workspace_api_keys (
            id {id},
            workspace_id BIGINT NOT NULL REFERENCES {p}workspaces (id) ON DELETE CASCADE,
            key_hash TEXT NOT NULL UNIQUE,
            prefix TEXT NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS {p}workspace_experiments (
            storage_name TEXT NOT NULL PRIMARY KEY,
            workspace_id BIGINT NOT NULL REFERENCES {p}workspaces (id) ON DELETE CASCADE,
            experiment_id BIGINT NOT NULL,
            display_name TEXT NOT NULL,
            added_at TEXT NOT NULL,
            created_here INTEGER NOT NULL DEFAULT 0
        )
        """,
        "CREATE INDEX IF NOT EXISTS workspace_experiments_by_id ON {p}workspace_experiments (workspace_id, experiment_id)",
        """
        CREATE TABLE IF NOT EXISTS {p}workspace_results (
            id TEXT NOT NULL PRIMARY KEY,
            workspace_id BIGINT NOT NULL REFERENCES {p}workspaces (id) ON DELETE CASCADE,
            name TEXT,
            header TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS {p}workspace_result_runs (
            result_id TEXT NOT NULL REFERENCES {p}workspace_results (id) ON DELETE CASCADE,
            trial_number INTEGER NOT NULL,
            run TEXT NOT NULL,
            PRIMARY KEY (result_id, trial_number)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS {p}workspace_sessions (
            session_hash TEXT NOT NULL PRIMARY KEY,
            key_id BIGINT NOT NULL REFERENCES {p}workspace_api_keys (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS workspace_sessions_by_key ON {p}workspace_sessions (key_id)",
    ];

    /// <summary>Columns added after the first release: table, column, and its definition (with the default old rows get).</summary>
    /// <remarks>
    /// <c>created_here</c> defaults to 0: an experiment listed before the column existed may have been adopted, so it
    /// is treated as adopted and deleting its runs needs confirmation.
    /// </remarks>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("workspaces", "may_adopt", "INTEGER NOT NULL DEFAULT 0"),
        ("workspace_experiments", "created_here", "INTEGER NOT NULL DEFAULT 0"),
    ];
}
