using Npgsql;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// Renews the leases of a worker's running trials, abandons trials whose lease ran out, and gives failed trials back,
/// one round trip each.
/// </summary>
internal sealed class LeaseCommands(NpgsqlDataSource dataSource, TrialSql sql, string location)
{
    public int Renew(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Renew);
        command.Parameters.Add(new NpgsqlParameter<long>("experiment", experimentId));
        command.Parameters.Add(new NpgsqlParameter<long[]>("trials", [.. trialIds]));
        command.Parameters.Add(new NpgsqlParameter<string>("worker", workerId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("lease", leaseExpiresAt.ToUniversalTime()));
        return Count(command, experimentId);
    }

    public int Expire(long experimentId, DateTimeOffset now)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Expire);
        command.Parameters.Add(new NpgsqlParameter<long>("experiment", experimentId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now.ToUniversalTime()));
        return Count(command, experimentId);
    }

    public int RetryFailed(long experimentId)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.RetryFailed);
        command.Parameters.Add(new NpgsqlParameter<long>("experiment", experimentId));
        return Count(command, experimentId);
    }

    private int Count(NpgsqlCommand command, long experimentId)
    {
        int count = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return count >= 0 ? count : throw new StorageException($"{location}: no experiment with id {experimentId}.");
    }
}
