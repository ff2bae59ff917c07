using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Postgres.Tests;

[Collection(PostgresTests.Name)]
public sealed class SchemaMigratorTests(PostgresServer server)
{
    private static ExperimentDefinition Definition(string name) =>
        new(name, Direction.Maximize, new SearchSpace { ["x"] = Tune.RandInt(0, 10) }, new Dictionary<string, object?>());

    [Fact]
    public void Open_ManyInstancesOnAFreshDatabaseAtOnce_CreateTheSchemaOnce()
    {
        string database = server.CreateDatabase("fresh");
        var storages = new PostgresExperimentStorage[8];
        using var barrier = new Barrier(storages.Length);
        Thread[] threads = Enumerable.Range(0, storages.Length).Select(i => new Thread(() =>
        {
            barrier.SignalAndWait();
            storages[i] = new PostgresExperimentStorage(database);
        })).ToArray();

        try
        {
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            Assert.All(storages, Assert.NotNull);
            Assert.Equal((long)Migrations.Latest, server.Execute("SELECT count(*) FROM nomadic.schema_version", database));
            Assert.Single(storages.Select(s => s.CreateOrOpenExperiment(Definition("shared")).Id).Distinct());
        }
        finally
        {
            Array.ForEach(storages, s => s?.Dispose());
        }
    }

    [Fact]
    public void Open_SchemaNewerThanTheCode_IsRefusedAndLeftUntouched()
    {
        string database = server.CreateDatabase("newer");
        server.Execute("CREATE SCHEMA nomadic; CREATE TABLE nomadic.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO nomadic.schema_version (version) VALUES (99)", database);

        var error = Assert.Throws<StorageException>(() => new PostgresExperimentStorage(database));

        Assert.Contains("schema 'nomadic' is at version 99", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(true, server.Execute("SELECT to_regclass('nomadic.experiments') IS NULL", database));
        Assert.Equal(1L, server.Execute("SELECT count(*) FROM nomadic.schema_version", database));
    }

    [Fact]
    public void Open_SchemaAtVersion1WithAFailedTrial_IsUpgradedAndGivesTheTrialBack()
    {
        string database = server.CreateDatabase("version1");
        server.Execute("CREATE SCHEMA nomadic; CREATE TABLE nomadic.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO nomadic.schema_version (version) VALUES (1)", database);
        foreach (string statement in SchemaVersion1.Statements)
        {
            server.Execute(statement.Replace("{schema}", "nomadic", StringComparison.Ordinal), database);
        }

        string space = Definition("old").SearchSpace.ToJson().Replace("'", "''", StringComparison.Ordinal);
        string run = StorageJson.WriteRun(RunResult.Failed(new Dictionary<string, object?> { ["x"] = 3 }, "endpoint down")).Replace("'", "''", StringComparison.Ordinal);
        server.Execute(
            $"INSERT INTO nomadic.experiments (name, direction, search_space, settings, created_at, next_trial_number, live_trials, last_version) VALUES ('old', 'maximize', '{space}', '{{}}', now(), 1, 1, 1); " +
            $"INSERT INTO nomadic.trials (experiment_id, number, config_key, state, params, is_baseline, worker_id, started_at, version, run) SELECT id, 0, 'x=3', 'failed', '{{\"x\": 3}}', false, 'w', now(), 1, '{run}' FROM nomadic.experiments",
            database);

        using var storage = new PostgresExperimentStorage(database);
        long id = storage.FindExperiment("old")!.Id;

        Assert.Equal(Migrations.Latest, server.Execute("SELECT max(version) FROM nomadic.schema_version", database));
        Assert.Equal(1, storage.RetryFailedTrials(id));
        Assert.Equal(TrialState.Abandoned, Assert.Single(storage.ReadTrials(id, 1)).State);
        Assert.Equal(ClaimStatus.Claimed, storage.TryClaim(new ClaimRequest(id, "x=3", new Dictionary<string, object?> { ["x"] = 3 }, false, "w", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1), 1)).Status);
    }

    [Fact]
    public void Open_OtherSchema_KeepsItsTablesApart()
    {
        string database = server.Database("schemas");
        using var first = new PostgresExperimentStorage(database, new PostgresStorageOptions { Schema = "team_a" });
        using var second = new PostgresExperimentStorage(database, new PostgresStorageOptions { Schema = "team_b" });

        first.CreateOrOpenExperiment(Definition("only-in-a"));

        Assert.Null(second.FindExperiment("only-in-a"));
        Assert.Equal(1L, server.Execute("SELECT count(*) FROM team_a.experiments", database));
    }
}
