using System.Globalization;
using Microsoft.Data.Sqlite;
using Nomadic.Results;

namespace Nomadic.Storage.Sqlite;

/// <summary>
/// Claims, renews, finishes, releases, expires and reads the trials of one database. Every change gives the changed
/// trials new versions above the experiment's <c>last_version</c> and raises it in the same transaction, so a reader
/// following versions never misses a change.
/// </summary>
internal sealed class SqliteTrials
{
    private const string NextVersion = "(SELECT last_version FROM experiments WHERE id = $experiment)";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteTrials(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public ClaimResult TryClaim(ClaimRequest request)
    {
        string parameters = StorageJson.WriteValues(request.Params);
        return _database.Write(session =>
        {
            using (SqliteDataReader check = session.Query(
                """
                SELECT next_trial_number,
                    (SELECT count(*) FROM trials WHERE experiment_id = $experiment AND state = 'abandoned'),
                    EXISTS (SELECT 1 FROM trials WHERE experiment_id = $experiment AND config_key = $key AND state <> 'abandoned')
                FROM experiments WHERE id = $experiment
                """,
                ("$experiment", request.ExperimentId), ("$key", request.ConfigurationKey)))
            {
                if (!check.Read())
                {
                    throw new StorageException($"{_database.Path}: no experiment with id {request.ExperimentId}.");
                }

                if (check.GetBoolean(2))
                {
                    return ClaimResult.Taken;
                }

                // Every claim took the next number, so the trials that still count are all claims but the abandoned ones.
                if (request.MaxTrials is int max && check.GetInt64(0) - check.GetInt64(1) >= max)
                {
                    return ClaimResult.LimitReached;
                }
            }

            (int number, long version) = NumberAndVersion(session, request.ExperimentId);
            long id = session.ScalarInt64(
                """
                INSERT INTO trials (experiment_id, number, config_key, state, params, is_baseline, worker_id, started_at, lease_expires_at, version)
                VALUES ($experiment, $number, $key, 'running', $params, $baseline, $worker, $started, $lease, $version) RETURNING id
                """,
                ("$experiment", request.ExperimentId), ("$number", number), ("$key", request.ConfigurationKey), ("$params", parameters),
                ("$baseline", request.IsBaseline), ("$worker", request.WorkerId), ("$started", SqliteValues.Iso(request.StartedAt)),
                ("$lease", SqliteValues.UnixMilliseconds(request.LeaseExpiresAt)), ("$version", version))!.Value;
            return new ClaimResult(ClaimStatus.Claimed, id, number);
        });
    }

    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt)
    {
        string ids = "[" + string.Join(',', trialIds.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
        return _database.Write(session => ChangeMany(
            session,
            experimentId,
            "lease_expires_at = $lease",
            "id IN (SELECT value FROM json_each($ids)) AND state = 'running' AND worker_id = $worker",
            ("$lease", SqliteValues.UnixMilliseconds(leaseExpiresAt)), ("$ids", ids), ("$worker", workerId)));
    }

    public bool FinishTrial(long trialId, string workerId, RunResult run)
    {
        // Written before the lock is taken; written again inside only when the run's bookkeeping differs from the trial's.
        string json = StorageJson.WriteRun(run);
        string finishedAt = SqliteValues.Iso(_time.GetUtcNow());
        return _database.Write(session =>
        {
            long experimentId;
            int number;
            bool isBaseline;
            using (SqliteDataReader trial = session.Query(
                "SELECT experiment_id, number, is_baseline FROM trials WHERE id = $id AND state = 'running' AND worker_id = $worker",
                ("$id", trialId), ("$worker", workerId)))
            {
                if (!trial.Read())
                {
                    return false;
                }

                (experimentId, number, isBaseline) = (trial.GetInt64(0), trial.GetInt32(1), trial.GetBoolean(2));
            }

            if (run.TrialNumber != number || run.IsBaseline != isBaseline)
            {
                json = StorageJson.WriteRun(run.WithTrialInfo(number, run.StartedAt, run.Duration, isBaseline));
            }

            session.Execute(
                $"UPDATE trials SET state = $state, lease_expires_at = NULL, finished_at = $finished, score = $score, run = $run, version = {NextVersion} + 1 WHERE id = $id",
                ("$state", SqliteValues.Text(StorageChecks.StateOf(run.Status))), ("$finished", finishedAt),
                ("$score", double.IsFinite(run.Score) ? run.Score : null), ("$run", json), ("$experiment", experimentId), ("$id", trialId));
            RaiseVersion(session, experimentId, 1);
            return true;
        });
    }

    public void ReleaseTrial(long trialId, string workerId) => _database.Write(session =>
    {
        long? experimentId = session.ScalarInt64(
            "UPDATE trials SET state = 'abandoned', lease_expires_at = NULL, version = (SELECT last_version + 1 FROM experiments WHERE id = trials.experiment_id) WHERE id = $id AND state = 'running' AND worker_id = $worker RETURNING experiment_id",
            ("$id", trialId), ("$worker", workerId));
        if (experimentId is long id)
        {
            RaiseVersion(session, id, 1);
        }

        return experimentId is not null;
    });

    public int ExpireLeases(long experimentId, DateTimeOffset now)
    {
        const string Expired = "state = 'running' AND lease_expires_at < $now";
        long nowMs = SqliteValues.UnixMilliseconds(now);

        // Looking without the write lock first keeps the frequent calls that find nothing from queueing behind writers.
        bool any = _database.HasTables && _database.Read(session =>
            session.ScalarInt64($"SELECT EXISTS (SELECT 1 FROM trials WHERE experiment_id = $experiment AND {Expired})", ("$experiment", experimentId), ("$now", nowMs)) == 1);
        return any
            ? _database.Write(session => ChangeMany(session, experimentId, "state = 'abandoned', lease_expires_at = NULL", Expired, ("$now", nowMs)))
            : 0;
    }

    // The failed run stays in the row for the record; abandoned trials are read without it.
    public int RetryFailedTrials(long experimentId) =>
        !_database.HasTables ? 0 : _database.Write(session => ChangeMany(session, experimentId, "state = 'abandoned'", "state = 'failed'"));

    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion) => !_database.HasTables ? [] : _database.Read(session =>
    {
        using SqliteDataReader reader = session.Query(
            "SELECT id, number, config_key, state, params, is_baseline, worker_id, lease_expires_at, version, CASE WHEN state = 'abandoned' THEN NULL ELSE run END FROM trials WHERE experiment_id = $experiment AND version > $after ORDER BY version",
            ("$experiment", experimentId), ("$after", afterVersion));
        var trials = new List<StoredTrial>();
        while (reader.Read())
        {
            trials.Add(new StoredTrial(
                reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), SqliteValues.ParseState(reader.GetString(3)),
                StorageJson.ReadValues(reader.GetString(4)), reader.GetBoolean(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : SqliteValues.FromUnixMilliseconds(reader.GetInt64(7)), reader.GetInt64(8),
                reader.IsDBNull(9) ? null : StorageJson.ReadRun(reader.GetString(9))));
        }

        return trials;
    });

    private static (int Number, long Version) NumberAndVersion(SqliteSession session, long experimentId)
    {
        using SqliteDataReader reader = session.Query(
            "UPDATE experiments SET next_trial_number = next_trial_number + 1, last_version = last_version + 1 WHERE id = $experiment RETURNING next_trial_number - 1, last_version",
            ("$experiment", experimentId));
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    // Changes every matching trial of the experiment, numbering their new versions in id order after last_version.
    private static int ChangeMany(SqliteSession session, long experimentId, string set, string where, params (string Name, object? Value)[] parameters)
    {
        int changed = session.Execute(
            $"""
            UPDATE trials SET {set}, version = {NextVersion} + changed.rank
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank FROM trials WHERE experiment_id = $experiment AND {where}) AS changed
            WHERE trials.id = changed.id
            """,
            [("$experiment", experimentId), .. parameters]);
        if (changed > 0)
        {
            RaiseVersion(session, experimentId, changed);
        }

        return changed;
    }

    private static void RaiseVersion(SqliteSession session, long experimentId, int count) =>
        session.Execute("UPDATE experiments SET last_version = last_version + $count WHERE id = $experiment", ("$count", count), ("$experiment", experimentId));
}
