
namespace Nomadic.Storage.Postgres.Tests;

[Collection(PostgresTests.Name)]
public sealed class PostgresExperimentStorageTests(PostgresServer server) : ExperimentStorageConformance
{
    [Fact]
    public void TryClaim_AtTheLimitAfterLeasesExpire_ClaimsAgainUpToTheLimit()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("expired-limit"))).Id;
        Claim(id, "a", max: 2, lease: Now.AddSeconds(-1));
        Claim(id, "b", max: 2, lease: Now.AddSeconds(-1));
        Assert.Equal(ClaimStatus.LimitReached, Claim(id, "c", max: 2).Status);

        Assert.Equal(2, Storage.ExpireLeases(id, Now));

        Assert.Equal(ClaimStatus.Claimed, Claim(id, "c", max: 2).Status);
        Assert.Equal(ClaimStatus.Claimed, Claim(id, "a", max: 2).Status);
        Assert.Equal(ClaimStatus.LimitReached, Claim(id, "d", max: 2).Status);
    }

    [Fact]
    public void Location_NamesHostPortAndDatabase()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server.Database("contract"));

        Assert.Equal($"{builder.Host}:{builder.Port}/{builder.Database}", Storage.Location);
    }

    [Fact]
    public void ReadOnly_DatabaseWithoutTheSchema_HoldsNoExperimentsAndCreatesNothing()
    {
        string database = server.CreateDatabase("readonly_empty");

        using var storage = new PostgresExperimentStorage(database, new PostgresStorageOptions { ReadOnly = true });

        Assert.False(storage.HasSchema);
        Assert.Empty(storage.ListExperiments());
        Assert.Null(storage.FindExperiment("any"));
        Assert.Equal(true, server.Execute("SELECT to_regnamespace('nomadic') IS NULL", database));
    }

    [Fact]
    public void ReadOnly_StoredExperiment_IsReadAndAWriteIsRefusedLeavingItAsItWas()
    {
        string database = server.CreateDatabase("readonly_stored");
        using (var writer = new PostgresExperimentStorage(database))
        {
            writer.CreateOrOpenExperiment(Definition("kept"));
        }

        using var storage = new PostgresExperimentStorage(database, new PostgresStorageOptions { ReadOnly = true });

        Assert.True(storage.HasSchema);
        Assert.Equal("kept", Assert.Single(storage.ListExperiments()).Name);
        var error = Assert.Throws<StorageException>(() => storage.DeleteExperiment("kept"));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, server.Execute("SELECT count(*) FROM nomadic.experiments", database));
    }

    protected override IExperimentStorage CreateStorage() => new PostgresExperimentStorage(server.Database("contract"));
}
