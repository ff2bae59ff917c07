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

    // Listing experiments then costs the same whatever the number of trials: triggers keep each experiment's trial
    // counts per state, and a partial index gives its best completed score and earliest trial in one seek each.
    private const string CountsAndScores = """
        CREATE TABLE trial_counts (
            experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
            state TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (experiment_id, state)
        ) WITHOUT ROWID;
        INSERT INTO trial_counts (experiment_id, state, n) SELECT experiment_id, state, count(*) FROM trials GROUP BY experiment_id, state;
        CREATE TRIGGER trials_counted_insert AFTER INSERT ON trials BEGIN
            INSERT INTO trial_counts (experiment_id, state, n) VALUES (new.experiment_id, new.state, 1)
            ON CONFLICT (experiment_id, state) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER trials_counted_update AFTER UPDATE OF state ON trials WHEN old.state <> new.state BEGIN
            UPDATE trial_counts SET n = n - 1 WHERE experiment_id = old.experiment_id AND state = old.state;
            INSERT INTO trial_counts (experiment_id, state, n) VALUES (new.experiment_id, new.state, 1)
            ON CONFLICT (experiment_id, state) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER trials_counted_delete AFTER DELETE ON trials BEGIN
            UPDATE trial_counts SET n = n - 1 WHERE experiment_id = old.experiment_id AND state = old.state;
        END;
        CREATE INDEX trials_completed_score ON trials (experiment_id, score, number) WHERE state = 'completed';
        """;

    /// <summary>Gets the steps in order; the database's version is the number of steps applied.</summary>
    public static IReadOnlyList<string> Steps { get; } = [CreateTables, CountsAndScores];

    /// <summary>Gets the oldest version this code reads without upgrading: only listing summaries needs a later step.</summary>
    public static int ReadableFrom => 1;

    /// <summary>Gets the version this code creates and understands.</summary>
    public static int CurrentVersion => Steps.Count;
}
