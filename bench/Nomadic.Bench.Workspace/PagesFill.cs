using Microsoft.Data.Sqlite;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;
using Npgsql;
using NpgsqlTypes;

namespace Nomadic.Bench;

/// <summary>
/// Fills a storage with many finished experiments for the page timings: the experiments through the storage, their runs
/// straight into its tables in bulk (a million claims and finishes through the API would take most of an hour here),
/// as the storage itself writes them: same columns, same run JSON, versions and counters.
/// </summary>
internal static class PagesFill
{
    private const string Iso = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static SearchSpace Space => new() { ["x"] = Tune.Uniform(0, 1), ["n"] = Tune.RandInt(0, 100) };

    public static List<long> Experiments(IExperimentStorage storage, int count) =>
        [.. Enumerable.Range(0, count).Select(i => storage.CreateOrOpenExperiment(
            new ExperimentDefinition($"sweep-{i:D3}", i % 2 == 0 ? Direction.Maximize : Direction.Minimize, Space, new Dictionary<string, object?>())).Id)];

    public static void Sqlite(string path, IReadOnlyList<long> experiments, int runs)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        foreach (long id in experiments)
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO trials (experiment_id, number, config_key, state, params, worker_id, started_at, finished_at, score, run, version) VALUES ($e, $n, $k, 'completed', $p, 'bench', $s, $f, $score, $run, $v)";
            SqliteParameter[] p = [.. new[] { "$e", "$n", "$k", "$p", "$s", "$f", "$score", "$run", "$v" }.Select(n => insert.Parameters.Add(n, SqliteType.Text))];
            insert.Prepare();
            for (int i = 0; i < runs; i++)
            {
                (RunResult run, string parameters) = Run(id, i);
                object[] values = [id, i, $"k{i}", parameters, run.StartedAt!.Value.UtcDateTime.ToString(Iso, System.Globalization.CultureInfo.InvariantCulture), run.StartedAt.Value.Add(run.Duration!.Value).UtcDateTime.ToString(Iso, System.Globalization.CultureInfo.InvariantCulture), run.Score, StorageJson.WriteRun(run), i + 1];
                for (int c = 0; c < p.Length; c++)
                {
                    p[c].Value = values[c];
                }

                insert.ExecuteNonQuery();
            }

            using SqliteCommand counters = connection.CreateCommand();
            counters.CommandText = $"UPDATE experiments SET next_trial_number = {runs}, last_version = {runs} WHERE id = {id}";
            counters.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static void Postgres(string connectionString, IReadOnlyList<long> experiments, int runs)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        connection.Open();

        // As a bulk import should: the counting trigger off during the copy, the counts computed once after it.
        Execute(connection, "ALTER TABLE nomadic.trials DISABLE TRIGGER trials_counted");
        using (NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            "COPY nomadic.trials (experiment_id, number, config_key, state, params, is_baseline, worker_id, started_at, finished_at, score, run, version) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (long id in experiments)
            {
                for (int i = 0; i < runs; i++)
                {
                    (RunResult run, string parameters) = Run(id, i);
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Bigint);
                    copy.Write(i, NpgsqlDbType.Integer);
                    copy.Write($"k{i}", NpgsqlDbType.Text);
                    copy.Write("completed", NpgsqlDbType.Text);
                    copy.Write(parameters, NpgsqlDbType.Text);
                    copy.Write(false, NpgsqlDbType.Boolean);
                    copy.Write("bench", NpgsqlDbType.Text);
                    copy.Write(run.StartedAt!.Value, NpgsqlDbType.TimestampTz);
                    copy.Write(run.StartedAt.Value.Add(run.Duration!.Value), NpgsqlDbType.TimestampTz);
                    copy.Write(run.Score, NpgsqlDbType.Double);
                    copy.Write(StorageJson.WriteRun(run), NpgsqlDbType.Text);
                    copy.Write((long)i + 1, NpgsqlDbType.Bigint);
                }
            }

            copy.Complete();
        }

        Execute(connection, "ALTER TABLE nomadic.trials ENABLE TRIGGER trials_counted");
        Execute(connection, "INSERT INTO nomadic.trial_counts (experiment_id, state, n) SELECT experiment_id, state, count(*) FROM nomadic.trials GROUP BY experiment_id, state");
        Execute(connection, $"UPDATE nomadic.experiments SET next_trial_number = {runs}, live_trials = {runs}, last_version = {runs}");
        Execute(connection, "VACUUM ANALYZE nomadic.trials");
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // A deterministic run: its score a smooth function of its parameters, so best scores differ between experiments.
    private static (RunResult Run, string Params) Run(long experiment, int number)
    {
        double x = (number * 0.618033988749895 + experiment * 0.1) % 1.0;
        int n = (int)((number * 37 + experiment) % 101);
        var parameters = new Dictionary<string, object?> { ["x"] = x, ["n"] = n };
        var run = new RunResult(1 - ((x - 0.3) * (x - 0.3)) + (n / 1000.0), parameters)
        {
            TrialNumber = number,
            StartedAt = Start.AddSeconds(number),
            Duration = TimeSpan.FromMilliseconds(250 + (number % 50)),
        };
        return (run, StorageJson.WriteValues(parameters));
    }
}
