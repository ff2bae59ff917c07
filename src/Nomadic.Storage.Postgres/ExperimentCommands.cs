using Nomadic.Tuning;
using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>Creates, finds, lists and deletes experiments; each call is one round trip (creating an existing name, two).</summary>
internal sealed class ExperimentCommands(NpgsqlDataSource dataSource, ExperimentSql sql, TimeProvider time, string location)
{
    private static readonly TrialState[] CountedStates =
        [TrialState.Running, TrialState.Completed, TrialState.Failed, TrialState.Pruned, TrialState.Abandoned];

    public StoredExperiment CreateOrOpen(ExperimentDefinition definition)
    {
        // A name deleted between the insert and the read is simply created again.
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using (NpgsqlCommand insert = dataSource.CreateCommand(sql.Create))
            {
                insert.Parameters.Add(new NpgsqlParameter<string>("name", definition.Name));
                insert.Parameters.Add(new NpgsqlParameter<string>("direction", StoredText.Of(definition.Direction)));
                insert.Parameters.Add(new NpgsqlParameter<string>("space", definition.SearchSpace.ToJson()));
                insert.Parameters.Add(new NpgsqlParameter<string>("settings", StorageJson.WriteValues(definition.Settings)));
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("created", time.GetUtcNow().ToUniversalTime()));
                using NpgsqlDataReader reader = insert.ExecuteReader();
                if (reader.Read())
                {
                    return new StoredExperiment(
                        reader.GetInt64(0), definition.Name, definition.Direction, definition.SearchSpace, definition.Settings,
                        reader.GetFieldValue<DateTimeOffset>(1), new Dictionary<TrialState, int>());
                }
            }

            if (Find(definition.Name) is { } existing)
            {
                StorageChecks.EnsureSameExperiment(existing.Name, existing.Direction, existing.SearchSpace, definition, location);
                return existing;
            }
        }

        throw new StorageException($"{location}: experiment '{definition.Name}' keeps being deleted while it is opened.");
    }

    public StoredExperiment? Find(string name)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Find);
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        using NpgsqlDataReader reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public StoredExperiment? Find(long id)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.FindById);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        using NpgsqlDataReader reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public IReadOnlyList<StoredExperimentSummary> Summaries()
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Summaries);
        using NpgsqlDataReader reader = command.ExecuteReader();
        var summaries = new List<StoredExperimentSummary>();
        while (reader.Read())
        {
            summaries.Add(new StoredExperimentSummary(
                Read(reader), reader.IsDBNull(11) ? null : reader.GetDouble(11), reader.IsDBNull(12) ? null : reader.GetInt32(12)));
        }

        return summaries;
    }

    public IReadOnlyList<StoredExperiment> List()
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.List);
        using NpgsqlDataReader reader = command.ExecuteReader();
        var experiments = new List<StoredExperiment>();
        while (reader.Read())
        {
            experiments.Add(Read(reader));
        }

        return experiments;
    }

    public bool Delete(string name)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Delete);
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        return command.ExecuteNonQuery() > 0;
    }

    private static StoredExperiment Read(NpgsqlDataReader reader)
    {
        var counts = new Dictionary<TrialState, int>();
        for (int i = 0; i < CountedStates.Length; i++)
        {
            long count = reader.GetInt64(6 + i);
            if (count > 0)
            {
                counts[CountedStates[i]] = (int)count;
            }
        }

        return new StoredExperiment(
            reader.GetInt64(0), reader.GetString(1), StoredText.DirectionOf(reader.GetString(2)), SearchSpace.FromJson(reader.GetString(3)),
            StorageJson.ReadValues(reader.GetString(4)), reader.GetFieldValue<DateTimeOffset>(5), counts);
    }
}
