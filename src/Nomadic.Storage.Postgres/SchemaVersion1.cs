namespace Nomadic.Storage.Postgres;

/// <summary>
/// Schema version 1: the tables, and one function per trial change. A function runs as one statement (one round trip,
/// one transaction) yet, being volatile, takes a fresh READ COMMITTED snapshot for each statement inside it: after it
/// locks the experiment's row it sees every earlier change, so the versions it stamps never go backwards.
/// <c>experiments.live_trials</c> counts the trials that are not abandoned, for the trial limit without a count per claim.
/// </summary>
internal static class SchemaVersion1
{
    /// <summary>Gets the statements, one per command; <c>{schema}</c> stands for the schema name.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        CREATE TABLE {schema}.experiments (
            id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            direction text NOT NULL CHECK (direction IN ('maximize', 'minimize')),
            search_space text NOT NULL,
            settings text NOT NULL,
            created_at timestamptz NOT NULL,
            next_trial_number integer NOT NULL DEFAULT 0,
            live_trials integer NOT NULL DEFAULT 0,
            last_version bigint NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE {schema}.trials (
            id bigserial PRIMARY KEY,
            experiment_id bigint NOT NULL REFERENCES {schema}.experiments (id) ON DELETE CASCADE,
            number integer NOT NULL,
            config_key text NOT NULL,
            state text NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'pruned', 'abandoned')),
            params text NOT NULL,
            is_baseline boolean NOT NULL,
            worker_id text NOT NULL,
            started_at timestamptz NOT NULL,
            lease_expires_at timestamptz,
            finished_at timestamptz,
            score double precision,
            run text,
            version bigint NOT NULL,
            UNIQUE (experiment_id, number))
        """,
        "CREATE UNIQUE INDEX trials_live_config_key ON {schema}.trials (experiment_id, config_key) WHERE state <> 'abandoned'",
        "CREATE INDEX trials_experiment_version ON {schema}.trials (experiment_id, version)",
        "CREATE INDEX trials_experiment_state ON {schema}.trials (experiment_id, state)",
        """
        CREATE FUNCTION {schema}.claim_trial(
            p_experiment bigint, p_key text, p_params text, p_baseline boolean, p_worker text, p_started timestamptz,
            p_lease timestamptz, p_max bigint, p_retry boolean, OUT outcome text, OUT trial_id bigint, OUT trial_number integer)
        LANGUAGE plpgsql AS $$
        DECLARE
            v_next integer;
            v_live integer;
            v_last bigint;
            v_own boolean;
        BEGIN
            SELECT next_trial_number, live_trials, last_version INTO v_next, v_live, v_last
            FROM {schema}.experiments WHERE id = p_experiment FOR UPDATE;
            IF NOT FOUND THEN
                outcome := 'missing';
                RETURN;
            END IF;
            SELECT id, number, state = 'running' AND worker_id = p_worker AND started_at = p_started INTO trial_id, trial_number, v_own
            FROM {schema}.trials WHERE experiment_id = p_experiment AND config_key = p_key AND state <> 'abandoned';
            IF FOUND THEN
                -- Only a retry of this very claim, whose first attempt committed but lost its reply, gets the trial back.
                outcome := CASE WHEN p_retry AND v_own THEN 'claimed' ELSE 'taken' END;
                RETURN;
            END IF;
            IF v_live >= p_max THEN
                outcome := 'limit';
                RETURN;
            END IF;
            INSERT INTO {schema}.trials (experiment_id, number, config_key, state, params, is_baseline, worker_id, started_at, lease_expires_at, version)
            VALUES (p_experiment, v_next, p_key, 'running', p_params, p_baseline, p_worker, p_started, p_lease, v_last + 1)
            RETURNING id, number INTO trial_id, trial_number;
            UPDATE {schema}.experiments SET next_trial_number = v_next + 1, live_trials = v_live + 1, last_version = v_last + 1
            WHERE id = p_experiment;
            outcome := 'claimed';
        END $$
        """,
        """
        CREATE FUNCTION {schema}.finish_trial(
            p_trial bigint, p_worker text, p_state text, p_finished timestamptz, p_score double precision, p_run text, p_retry boolean)
        RETURNS boolean LANGUAGE plpgsql AS $$
        DECLARE
            v_experiment bigint;
            v_last bigint;
        BEGIN
            SELECT experiment_id INTO v_experiment FROM {schema}.trials WHERE id = p_trial;
            SELECT last_version INTO v_last FROM {schema}.experiments WHERE id = v_experiment FOR UPDATE;
            UPDATE {schema}.trials
            SET state = p_state, lease_expires_at = NULL, finished_at = p_finished, score = p_score, run = p_run, version = v_last + 1
            WHERE id = p_trial AND worker_id = p_worker AND state = 'running';
            IF FOUND THEN
                UPDATE {schema}.experiments SET last_version = v_last + 1 WHERE id = v_experiment;
                RETURN true;
            END IF;
            -- A retry of this very finish, whose first attempt committed but lost its reply, succeeds.
            RETURN p_retry AND EXISTS (SELECT 1 FROM {schema}.trials WHERE id = p_trial AND worker_id = p_worker AND run = p_run);
        END $$
        """,
        """
        CREATE FUNCTION {schema}.release_trial(p_trial bigint, p_worker text) RETURNS boolean LANGUAGE plpgsql AS $$
        DECLARE
            v_experiment bigint;
            v_last bigint;
        BEGIN
            SELECT experiment_id INTO v_experiment FROM {schema}.trials WHERE id = p_trial;
            SELECT last_version INTO v_last FROM {schema}.experiments WHERE id = v_experiment FOR UPDATE;
            UPDATE {schema}.trials SET state = 'abandoned', lease_expires_at = NULL, version = v_last + 1
            WHERE id = p_trial AND worker_id = p_worker AND state = 'running';
            IF FOUND THEN
                UPDATE {schema}.experiments SET live_trials = live_trials - 1, last_version = v_last + 1 WHERE id = v_experiment;
            END IF;
            RETURN FOUND;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.renew_leases(p_experiment bigint, p_trials bigint[], p_worker text, p_lease timestamptz)
        RETURNS integer LANGUAGE plpgsql AS $$
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
                WHERE experiment_id = p_experiment AND id = ANY (p_trials) AND worker_id = p_worker AND state = 'running')
            UPDATE {schema}.trials t SET lease_expires_at = p_lease, version = target.version FROM target WHERE t.id = target.id;
            GET DIAGNOSTICS v_count = ROW_COUNT;
            UPDATE {schema}.experiments SET last_version = v_last + v_count WHERE id = p_experiment AND v_count > 0;
            RETURN v_count;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.expire_leases(p_experiment bigint, p_now timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE
            v_last bigint;
            v_count integer;
        BEGIN
            -- Every worker calls this several times per lease period: the lock is taken only when a lease has run out.
            IF NOT EXISTS (SELECT 1 FROM {schema}.trials WHERE experiment_id = p_experiment AND state = 'running' AND lease_expires_at < p_now) THEN
                RETURN CASE WHEN EXISTS (SELECT 1 FROM {schema}.experiments WHERE id = p_experiment) THEN 0 ELSE -1 END;
            END IF;
            SELECT last_version INTO v_last FROM {schema}.experiments WHERE id = p_experiment FOR UPDATE;
            IF NOT FOUND THEN
                RETURN -1;
            END IF;
            WITH target AS (
                SELECT id, v_last + row_number() OVER (ORDER BY id) AS version FROM {schema}.trials
                WHERE experiment_id = p_experiment AND state = 'running' AND lease_expires_at < p_now)
            UPDATE {schema}.trials t SET state = 'abandoned', lease_expires_at = NULL, version = target.version FROM target WHERE t.id = target.id;
            GET DIAGNOSTICS v_count = ROW_COUNT;
            UPDATE {schema}.experiments SET live_trials = live_trials - v_count, last_version = v_last + v_count
            WHERE id = p_experiment AND v_count > 0;
            RETURN v_count;
        END $$
        """,
    ];
}
