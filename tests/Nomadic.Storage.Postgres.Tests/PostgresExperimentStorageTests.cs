using Nomadic.Tests.Storage;

namespace Nomadic.Storage.Postgres.Tests;

[Collection(PostgresTests.Name)]
public sealed class PostgresExperimentStorageTests(PostgresServer server) : ExperimentStorageContract
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

    protected override IExperimentStorage CreateStorage() => new PostgresExperimentStorage(server.Database("contract"));
}
