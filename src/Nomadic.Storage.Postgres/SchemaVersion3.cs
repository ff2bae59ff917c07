namespace Nomadic.Storage.Postgres;

/// <summary>
/// Schema version 3: trials indexed by experiment, state and score, so an experiment's best completed score and its
/// earliest trial are one index seek each when experiments are listed; the index also serves the counts per state.
/// </summary>
internal static class SchemaVersion3
{
    /// <summary>Gets the statements, one per command; <c>{schema}</c> stands for the schema name.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE INDEX trials_experiment_state_score ON {schema}.trials (experiment_id, state, score, number)",
        "DROP INDEX {schema}.trials_experiment_state",
    ];
}
