using Microsoft.Data.Sqlite;
using Nomadic.Tuning;

namespace Nomadic.Storage.Sqlite;

/// <summary>Creates, finds, lists and deletes the experiments of one database, each read with its trial counts per state.</summary>
internal sealed class SqliteExperiments
{
    // One grouped query reads each experiment with its trial counts (a row per state), walking the (experiment_id,
    // state) index of its trials.
    private const string SelectWithCounts = """
        SELECT e.id, e.name, e.direction, e.search_space, e.settings, e.created_at, t.state, count(t.id)
        FROM experiments AS e LEFT JOIN trials AS t ON t.experiment_id = e.id
        """;

    // The counts come from trial_counts, which triggers keep, and the best score from the partial index of completed
    // trials: one index seek each per experiment, whatever the number of trials.
    private const string SelectSummaries = """
        SELECT e.id, e.name, e.direction, e.search_space, e.settings, e.created_at, c.state, c.n, b.score,
               (SELECT min(n.number) FROM trials AS n WHERE n.experiment_id = e.id AND n.state = 'completed' AND n.score = b.score)
        FROM experiments AS e
        JOIN (SELECT x.id, CASE x.direction
                  WHEN 'maximize' THEN (SELECT max(score) FROM trials WHERE experiment_id = x.id AND state = 'completed')
                  ELSE (SELECT min(score) FROM trials WHERE experiment_id = x.id AND state = 'completed') END AS score
              FROM experiments AS x) AS b ON b.id = e.id
        LEFT JOIN trial_counts AS c ON c.experiment_id = e.id AND c.n > 0
        ORDER BY e.id
        """;

    private const string GroupAndOrder = " GROUP BY e.id, t.state ORDER BY e.id";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteExperiments(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public StoredExperiment CreateOrOpen(ExperimentDefinition definition)
    {
        string searchSpace = definition.SearchSpace.ToJson();
        string settings = StorageJson.WriteValues(definition.Settings);
        string createdAt = SqliteValues.Iso(_time.GetUtcNow());
        return _database.Write(session =>
        {
            int created = session.Execute(
                "INSERT INTO experiments (name, direction, search_space, settings, created_at) VALUES ($name, $direction, $space, $settings, $created) ON CONFLICT (name) DO NOTHING",
                ("$name", definition.Name), ("$direction", SqliteValues.Text(definition.Direction)), ("$space", searchSpace), ("$settings", settings), ("$created", createdAt));
            StoredExperiment stored = Select(session, definition.Name)!;
            if (created == 0)
            {
                StorageChecks.EnsureSameExperiment(stored.Name, stored.Direction, stored.SearchSpace, definition, _database.Path);
            }

            return stored;
        });
    }

    public StoredExperiment? Find(string name) => _database.HasTables ? _database.Read(session => Select(session, name)) : null;

    public IReadOnlyList<StoredExperiment> List() => !_database.HasTables ? [] : _database.Read(session =>
    {
        using SqliteDataReader reader = session.Query(SelectWithCounts + GroupAndOrder);
        return ReadAll(reader);
    });

    public StoredExperiment? Find(long id) => !_database.HasTables ? null : _database.Read(session =>
    {
        using SqliteDataReader reader = session.Query(SelectWithCounts + " WHERE e.id = $id" + GroupAndOrder, ("$id", id));
        return ReadAll(reader) is [StoredExperiment found] ? found : null;
    });

    // Null for a file of schema version 1 opened read-only, which has no trial counts yet.
    public IReadOnlyList<StoredExperimentSummary>? Summaries() => !_database.HasTables ? [] : _database.Read(session =>
    {
        if (session.ScalarInt64("SELECT count(*) FROM sqlite_schema WHERE name = 'trial_counts'") == 0)
        {
            return null;
        }

        using SqliteDataReader reader = session.Query(SelectSummaries);
        var best = new List<(double? Score, int? Number)>();
        List<StoredExperiment> experiments = ReadAll(reader, r => best.Add((r.IsDBNull(8) ? null : r.GetDouble(8), r.IsDBNull(9) ? null : r.GetInt32(9))));
        return experiments.Select((e, i) => new StoredExperimentSummary(e, best[i].Score, best[i].Number)).ToList();
    });

    public bool Delete(string name) =>
        _database.Write(session => session.Execute("DELETE FROM experiments WHERE name = $name", ("$name", name)) > 0);

    private static StoredExperiment? Select(SqliteSession session, string name)
    {
        using SqliteDataReader reader = session.Query(SelectWithCounts + " WHERE e.name = $name" + GroupAndOrder, ("$name", name));
        return ReadAll(reader) is [StoredExperiment found] ? found : null;
    }

    // onNewExperiment reads the extra columns of an experiment's first row.
    private static List<StoredExperiment> ReadAll(SqliteDataReader reader, Action<SqliteDataReader>? onNewExperiment = null)
    {
        var experiments = new List<StoredExperiment>();
        Dictionary<TrialState, int>? counts = null;
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            if (experiments.Count == 0 || experiments[^1].Id != id)
            {
                counts = [];
                experiments.Add(new StoredExperiment(
                    id, reader.GetString(1), SqliteValues.ParseDirection(reader.GetString(2)), SearchSpace.FromJson(reader.GetString(3)),
                    StorageJson.ReadValues(reader.GetString(4)), SqliteValues.ParseIso(reader.GetString(5)), counts));
                onNewExperiment?.Invoke(reader);
            }

            if (!reader.IsDBNull(6))
            {
                counts![SqliteValues.ParseState(reader.GetString(6))] = reader.GetInt32(7);
            }
        }

        return experiments;
    }
}
