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

    private const string GroupAndOrder = " GROUP BY e.id, t.state ORDER BY e.id";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly SqliteSummaries _summaries = new();

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

    public IReadOnlyList<StoredExperimentSummary> Summaries() => !_database.HasTables ? [] : _database.Read(_summaries.List);

    public bool Delete(string name) =>
        _database.Write(session => session.Execute("DELETE FROM experiments WHERE name = $name", ("$name", name)) > 0);

    private static StoredExperiment? Select(SqliteSession session, string name)
    {
        using SqliteDataReader reader = session.Query(SelectWithCounts + " WHERE e.name = $name" + GroupAndOrder, ("$name", name));
        return ReadAll(reader) is [StoredExperiment found] ? found : null;
    }

    // onNewExperiment reads the extra columns of an experiment's first row.
    internal static List<StoredExperiment> ReadAll(SqliteDataReader reader, Action<SqliteDataReader>? onNewExperiment = null)
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
