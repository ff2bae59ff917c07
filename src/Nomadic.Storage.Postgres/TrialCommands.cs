using Nomadic.Results;
using Npgsql;
using NpgsqlTypes;

namespace Nomadic.Storage.Postgres;

/// <summary>
/// Starts, finishes and gives back trials, one round trip each. A retried call whose first attempt committed but lost
/// its reply is recognised: the claim returns the trial it made, the finish succeeds.
/// </summary>
internal sealed class TrialCommands(NpgsqlDataSource dataSource, TrialSql sql, TimeProvider time, string location)
{
    public ClaimResult Claim(ClaimRequest request, bool isRetry)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Claim);
        command.Parameters.Add(new NpgsqlParameter<long>("experiment", request.ExperimentId));
        command.Parameters.Add(new NpgsqlParameter<string>("key", request.ConfigurationKey));
        command.Parameters.Add(new NpgsqlParameter<string>("params", StorageJson.WriteValues(request.Params)));
        command.Parameters.Add(new NpgsqlParameter<bool>("baseline", request.IsBaseline));
        command.Parameters.Add(new NpgsqlParameter<string>("worker", request.WorkerId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("started", request.StartedAt.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("lease", request.LeaseExpiresAt.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter("max", NpgsqlDbType.Bigint) { Value = request.MaxTrials is int max ? (long)max : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<bool>("retry", isRetry));
        using NpgsqlDataReader reader = command.ExecuteReader();
        reader.Read();
        return reader.GetString(0) switch
        {
            "claimed" => new ClaimResult(ClaimStatus.Claimed, reader.GetInt64(1), reader.GetInt32(2)),
            "taken" => ClaimResult.Taken,
            "limit" => ClaimResult.LimitReached,
            _ => throw new StorageException($"{location}: no experiment with id {request.ExperimentId}."),
        };
    }

    public bool Finish(long trialId, string workerId, RunResult run, bool isRetry)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Finish);
        command.Parameters.Add(new NpgsqlParameter<long>("trial", trialId));
        command.Parameters.Add(new NpgsqlParameter<string>("worker", workerId));
        command.Parameters.Add(new NpgsqlParameter<string>("state", StoredText.Of(StorageChecks.StateOf(run.Status))));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("finished", time.GetUtcNow().ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter("score", NpgsqlDbType.Double) { Value = double.IsNaN(run.Score) ? DBNull.Value : run.Score });
        command.Parameters.Add(new NpgsqlParameter<string>("run", StorageJson.WriteRun(run)));
        command.Parameters.Add(new NpgsqlParameter<bool>("retry", isRetry));
        return command.ExecuteScalar() is true;
    }

    public bool Release(long trialId, string workerId)
    {
        using NpgsqlCommand command = dataSource.CreateCommand(sql.Release);
        command.Parameters.Add(new NpgsqlParameter<long>("trial", trialId));
        command.Parameters.Add(new NpgsqlParameter<string>("worker", workerId));
        return command.ExecuteScalar() is true;
    }
}
