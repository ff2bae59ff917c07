namespace Nomadic.Storage.Postgres;

/// <summary>
/// The statements that change and read trials, for one schema. Each change is a call of a function of
/// <see cref="SchemaVersion1"/>: one statement, so one round trip and one transaction, with the experiment's row lock
/// held only while the server runs it. (A multi-statement batch would do the same in one round trip, but Npgsql sends
/// a batch's later statements from a thread-pool task when called synchronously, which starves a busy pool.)
/// </summary>
internal sealed class TrialSql(string schema)
{
    /// <summary>Gets the claim; returns the outcome (<c>claimed</c>, <c>taken</c>, <c>limit</c>, <c>missing</c>), the trial's id and number.</summary>
    public string Claim { get; } = ExperimentSql.Qualify(
        schema, "SELECT outcome, trial_id, trial_number FROM {schema}.claim_trial(@experiment, @key, @params, @baseline, @worker, @started, @lease, @max, @retry)");

    /// <summary>Gets the finish; returns whether the run was recorded (or, on a retry, had been).</summary>
    public string Finish { get; } = ExperimentSql.Qualify(schema, "SELECT {schema}.finish_trial(@trial, @worker, @state, @finished, @score, @run, @retry)");

    /// <summary>Gets the release; returns whether the trial was abandoned.</summary>
    public string Release { get; } = ExperimentSql.Qualify(schema, "SELECT {schema}.release_trial(@trial, @worker)");

    /// <summary>Gets the renewal; returns the number of leases moved, or -1 when the experiment does not exist.</summary>
    public string Renew { get; } = ExperimentSql.Qualify(schema, "SELECT {schema}.renew_leases(@experiment, @trials, @worker, @lease)");

    /// <summary>Gets the expiry; returns the number of trials abandoned, or -1 when the experiment does not exist.</summary>
    public string Expire { get; } = ExperimentSql.Qualify(schema, "SELECT {schema}.expire_leases(@experiment, @now)");

    /// <summary>Gets the retry of failed trials; returns the number of trials abandoned, or -1 when the experiment does not exist.</summary>
    public string RetryFailed { get; } = ExperimentSql.Qualify(schema, "SELECT {schema}.retry_failed_trials(@experiment)");

    /// <summary>Gets the read of trials changed after a version; one row of nulls when none, no row when the experiment does not exist.</summary>
    public string Read { get; } = ExperimentSql.Qualify(schema, """
        SELECT t.id, t.number, t.config_key, t.state, t.params, t.is_baseline, t.worker_id, t.lease_expires_at, t.version, CASE WHEN t.state = 'abandoned' THEN NULL ELSE t.run END
        FROM {schema}.experiments e LEFT JOIN {schema}.trials t ON t.experiment_id = e.id AND t.version > @after
        WHERE e.id = @experiment ORDER BY t.version
        """);
}
