namespace Nomadic.Storage.Sqlite;

/// <summary>
/// The schema's history: step <c>i</c> takes a database from version <c>i</c> to <c>i + 1</c>. Steps are only ever
/// appended, never edited, so every released database can be brought up to date.
/// </summary>
internal static class SchemaMigrations
{
    private const string CreateTables = """
        CREATE TABLE nomadic_schema (
            version INTEGER NOT NULL
        );
        CREATE TABLE experiments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            direction TEXT NOT NULL CHECK (direction IN ('maximize', 'minimize')),
            search_space TEXT NOT NULL,
            settings TEXT NOT NULL,
            created_at TEXT NOT NULL,
            next_trial_number INTEGER NOT NULL DEFAULT 0,
            last_version INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE trials (
            id INTEGER PRIMARY KEY,
            experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            config_key TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'pruned', 'abandoned')),
            params TEXT NOT NULL,
            is_baseline INTEGER NOT NULL DEFAULT 0,
            worker_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            lease_expires_at INTEGER,
            finished_at TEXT,
            score REAL,
            run TEXT,
            version INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX trials_live_config ON trials (experiment_id, config_key) WHERE state <> 'abandoned';
        CREATE INDEX trials_version ON trials (experiment_id, version);
        CREATE INDEX trials_state ON trials (experiment_id, state);
        INSERT INTO nomadic_schema (version) VALUES (0);
        """;

    /// <summary>Gets the steps in order; the database's version is the number of steps applied.</summary>
    public static IReadOnlyList<string> Steps { get; } = [CreateTables];

    /// <summary>Gets the version this code creates and understands.</summary>
    public static int CurrentVersion => Steps.Count;
}
