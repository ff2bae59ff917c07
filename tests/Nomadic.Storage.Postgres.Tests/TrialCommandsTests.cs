using Nomadic.Results;
using Nomadic.Tuning;
using Npgsql;

namespace Nomadic.Storage.Postgres.Tests;

/// <summary>Retries of calls whose first attempt committed but whose reply was lost (a connection dropped at the wrong moment).</summary>
[Collection(PostgresTests.Name)]
public sealed class TrialCommandsTests : IDisposable
{
    private static readonly Dictionary<string, object?> Params = new() { ["x"] = 1 };
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    private readonly PostgresExperimentStorage _storage;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TrialCommands _commands;
    private readonly long _experimentId;

    public TrialCommandsTests(PostgresServer server)
    {
        string database = server.Database("retries");
        _storage = new PostgresExperimentStorage(database);
        _dataSource = NpgsqlDataSource.Create(database);
        _commands = new TrialCommands(_dataSource, new TrialSql("nomadic"), TimeProvider.System, "test");
        var definition = new ExperimentDefinition($"retries-{Guid.NewGuid():N}", Direction.Maximize, new SearchSpace { ["x"] = Tune.RandInt(0, 9) }, new Dictionary<string, object?>());
        _experimentId = _storage.CreateOrOpenExperiment(definition).Id;
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _storage.Dispose();
    }

    [Fact]
    public void Claim_RetryOfACommittedClaim_ReturnsTheSameTrial()
    {
        ClaimRequest request = Request("a", "w1");
        ClaimResult first = _commands.Claim(request, isRetry: false);

        ClaimResult retried = _commands.Claim(request, isRetry: true);

        Assert.Equal(first, retried);
        Assert.Single(_storage.ReadTrials(_experimentId, 0));
    }

    [Fact]
    public void Claim_RetryOfAnotherClaimOfTheKey_IsTaken()
    {
        _commands.Claim(Request("a", "w1"), isRetry: false);

        Assert.Equal(ClaimStatus.Taken, _commands.Claim(Request("a", "w2"), isRetry: true).Status);
        Assert.Equal(ClaimStatus.Taken, _commands.Claim(Request("a", "w1", DateTimeOffset.UtcNow.AddSeconds(1)), isRetry: true).Status);
    }

    [Fact]
    public void Finish_RetryOfACommittedFinish_SucceedsWithoutWritingAgain()
    {
        ClaimResult claim = _commands.Claim(Request("a", "w1"), isRetry: false);
        var run = new RunResult(0.5, Params) { TrialNumber = claim.Number };
        Assert.True(_commands.Finish(claim.TrialId, "w1", run, isRetry: false));
        long version = _storage.ReadTrials(_experimentId, 0).Single().Version;

        Assert.True(_commands.Finish(claim.TrialId, "w1", run, isRetry: true));
        Assert.False(_commands.Finish(claim.TrialId, "w1", new RunResult(0.9, Params), isRetry: true));
        Assert.False(_commands.Finish(claim.TrialId, "w1", run, isRetry: false));
        Assert.Equal(version, _storage.ReadTrials(_experimentId, 0).Single().Version);
    }

    private ClaimRequest Request(string key, string worker, DateTimeOffset? started = null) =>
        new(_experimentId, key, Params, false, worker, started ?? Start, Start.AddMinutes(5), null);
}
