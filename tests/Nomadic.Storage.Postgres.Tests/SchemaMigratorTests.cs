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
