namespace Nomadic.Storage.Postgres;

/// <summary>The statements that create, find, list and delete experiments, for one schema.</summary>
internal sealed class ExperimentSql(string schema)
{
    private const string CountsByState = """
        SELECT e.id, e.name, e.direction, e.search_space, e.settings, e.created_at,
               count(t.id) FILTER (WHERE t.state = 'running'),
               count(t.id) FILTER (WHERE t.state = 'completed'),
               count(t.id) FILTER (WHERE t.state = 'failed'),
               count(t.id) FILTER (WHERE t.state = 'pruned'),
               count(t.id) FILTER (WHERE t.state = 'abandoned')
        FROM {schema}.experiments e LEFT JOIN {schema}.trials t ON t.experiment_id = e.id
        """;

    // The counts come from trial_counts, which a trigger keeps, and the best score and its earliest trial from the
    // partial index of completed trials: one seek each per experiment, whatever the number of trials.
    private const string Summary = """
        SELECT e.id, e.name, e.direction, e.search_space, e.settings, e.created_at,
               coalesce(sum(c.n) FILTER (WHERE c.state = 'running'), 0),
               coalesce(sum(c.n) FILTER (WHERE c.state = 'completed'), 0),
               coalesce(sum(c.n) FILTER (WHERE c.state = 'failed'), 0),
               coalesce(sum(c.n) FILTER (WHERE c.state = 'pruned'), 0),
               coalesce(sum(c.n) FILTER (WHERE c.state = 'abandoned'), 0),
               b.score,
               (SELECT min(n.number) FROM {schema}.trials n WHERE n.experiment_id = e.id AND n.state = 'completed' AND n.score = b.score)
        FROM {schema}.experiments e
        CROSS JOIN LATERAL (SELECT CASE e.direction
            WHEN 'maximize' THEN (SELECT max(m.score) FROM {schema}.trials m WHERE m.experiment_id = e.id AND m.state = 'completed')
            ELSE (SELECT min(m.score) FROM {schema}.trials m WHERE m.experiment_id = e.id AND m.state = 'completed') END AS score) b
        LEFT JOIN {schema}.trial_counts c ON c.experiment_id = e.id
        GROUP BY e.id, b.score ORDER BY e.id
        """;

    /// <summary>Gets the insert of a new experiment that does nothing when the name exists; returns id and creation time when inserted.</summary>
    public string Create { get; } = Qualify(schema, """
        INSERT INTO {schema}.experiments (name, direction, search_space, settings, created_at)
        VALUES (@name, @direction, @space, @settings, @created)
        ON CONFLICT (name) DO NOTHING
        RETURNING id, created_at
        """);

    /// <summary>Gets the query of one experiment by name with its trial counts per state.</summary>
    public string Find { get; } = Qualify(schema, CountsByState + " WHERE e.name = @name GROUP BY e.id");

    /// <summary>Gets the query of one experiment by id with its trial counts per state.</summary>
    public string FindById { get; } = Qualify(schema, CountsByState + " WHERE e.id = @id GROUP BY e.id");

    /// <summary>Gets the query of every experiment, oldest first, with its trial counts per state and its best score and trial (one query).</summary>
    public string Summaries { get; } = Qualify(schema, Summary);

    /// <summary>Gets the query of every experiment, oldest first, with its trial counts per state (one grouped query).</summary>
    public string List { get; } = Qualify(schema, CountsByState + " GROUP BY e.id ORDER BY e.id");

    /// <summary>Gets the delete of an experiment by name; its trials go with it.</summary>
    public string Delete { get; } = Qualify(schema, "DELETE FROM {schema}.experiments WHERE name = @name");

    /// <summary>Replaces the <c>{schema}</c> placeholder.</summary>
    /// <param name="schema">The schema name (validated).</param>
    /// <param name="sql">The statement.</param>
    /// <returns>The statement for that schema.</returns>
    public static string Qualify(string schema, string sql) => sql.Replace("{schema}", schema, StringComparison.Ordinal);
}
