using Nomadic.Results;
using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>Reads the trials of an experiment changed after a version, in one round trip.</summary>
internal sealed class TrialReader(NpgsqlDataSource dataSource, TrialSql trials, string location)
{
    public IReadOnlyList<StoredTrial> Read(long experimentId, long afterVersion)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(trials.Read);
        command.Parameters.Add(new NpgsqlParameter<long>("experiment", experimentId));
        command.Parameters.Add(new NpgsqlParameter<long>("after", afterVersion));
        using NpgsqlDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new StorageException($"{location}: no experiment with id {experimentId}.");
        }

        var changed = new List<StoredTrial>();
        if (reader.IsDBNull(0))
        {
            return changed;
        }

        do
        {
            changed.Add(ReadTrial(reader));
        }
        while (reader.Read());
        return changed;
    }

    private static StoredTrial ReadTrial(NpgsqlDataReader reader)
    {
        int number = reader.GetInt32(1);
        bool isBaseline = reader.GetBoolean(5);

        // The run's number and baseline mark come from the trial: the caller of FinishTrial may not have set them.
        RunResult? run = null;
        if (!reader.IsDBNull(9))
        {
            RunResult stored = StorageJson.ReadRun(reader.GetString(9));
            run = stored.WithTrialInfo(number, stored.StartedAt, stored.Duration, isBaseline);
        }

        return new StoredTrial(
            reader.GetInt64(0), number, reader.GetString(2), StoredText.TrialStateOf(reader.GetString(3)), StorageJson.ReadValues(reader.GetString(4)),
            isBaseline, reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt64(8), run);
    }
}
