namespace Nomadic.Storage.Postgres;

/// <summary>
/// Schema version 3: listing experiments costs the same whatever the number of trials. A trigger keeps each
/// experiment's trial counts per state in <c>trial_counts</c> (trial changes already lock their experiment's row, so the
/// counts add no new lock order), and a partial index gives the best completed score and its earliest trial in one
/// seek each.
/// </summary>
internal static class SchemaVersion3
{
    /// <summary>Gets the statements, one per command; <c>{schema}</c> stands for the schema name.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        CREATE TABLE {schema}.trial_counts (
            experiment_id bigint NOT NULL REFERENCES {schema}.experiments (id) ON DELETE CASCADE,
            state text NOT NULL,
            n integer NOT NULL,
            PRIMARY KEY (experiment_id, state))
        """,
        "INSERT INTO {schema}.trial_counts (experiment_id, state, n) SELECT experiment_id, state, count(*) FROM {schema}.trials GROUP BY experiment_id, state",
        """
        CREATE FUNCTION {schema}.count_trials() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE {schema}.trial_counts SET n = n - 1 WHERE experiment_id = OLD.experiment_id AND state = OLD.state;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO {schema}.trial_counts AS c (experiment_id, state, n) VALUES (NEW.experiment_id, NEW.state, 1)
                ON CONFLICT (experiment_id, state) DO UPDATE SET n = c.n + 1;
            END IF;
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER trials_counted AFTER INSERT OR DELETE ON {schema}.trials FOR EACH ROW EXECUTE FUNCTION {schema}.count_trials()",
        "CREATE TRIGGER trials_counted_state AFTER UPDATE OF state ON {schema}.trials FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION {schema}.count_trials()",
        "CREATE INDEX trials_completed_score ON {schema}.trials (experiment_id, score, number) WHERE state = 'completed'",
    ];
}
