namespace Nomadic.Storage.Postgres;

/// <summary>
/// Schema version 2: a function giving an experiment's failed trials back, in one statement like the trial changes of
/// <see cref="SchemaVersion1"/>. The failed run stays in its row for the record; abandoned trials are read without it.
/// </summary>
internal static class SchemaVersion2
{
    /// <summary>Gets the statements, one per command; <c>{schema}</c> stands for the schema name.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        CREATE FUNCTION {schema}.retry_failed_trials(p_experiment bigint) RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE
            v_last bigint;
            v_count integer;
        BEGIN
            SELECT last_version INTO v_last FROM {schema}.experiments WHERE id = p_experiment FOR UPDATE;
            IF NOT FOUND THEN
                RETURN -1;
            END IF;
            WITH target AS (
                SELECT id, v_last + row_number() OVER (ORDER BY id) AS version FROM {schema}.trials
                WHERE experiment_id = p_experiment AND state = 'failed')
            UPDATE {schema}.trials t SET state = 'abandoned', version = target.version FROM target WHERE t.id = target.id;
            GET DIAGNOSTICS v_count = ROW_COUNT;
            UPDATE {schema}.experiments SET live_trials = live_trials - v_count, last_version = v_last + v_count
            WHERE id = p_experiment AND v_count > 0;
            RETURN v_count;
        END $$
        """,
    ];
}
