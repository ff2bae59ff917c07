using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Postgres.Tests;

[Collection(PostgresTests.Name)]
public sealed class ServerRestartTests(PostgresServer server)
{
    private const int Keys = 300;

    [Fact]
    public async Task ClaimAndFinish_ServerRestartsAndLaterStopsForAWhile_EveryKeyCompletesOnce()
    {
        using var storage = new PostgresExperimentStorage(server.Database("restart"));
        var space = new SearchSpace { ["k"] = Tune.RandInt(0, Keys) };
        long id = storage.CreateOrOpenExperiment(new ExperimentDefinition("restart", Direction.Maximize, space, new Dictionary<string, object?>())).Id;
        int done = 0;
        Task worker = Task.Run(() => ClaimAndFinishAll(storage, id, () => Interlocked.Increment(ref done)));

        WaitFor(() => Volatile.Read(ref done) >= Keys / 3, worker);
        server.Restart();
        int doneAfterRestart = Volatile.Read(ref done);
        WaitFor(() => Volatile.Read(ref done) >= 2 * Keys / 3, worker);
        server.Stop();
        Thread.Sleep(1500);
        server.Start();
        int doneAfterStop = Volatile.Read(ref done);
        await worker.WaitAsync(TimeSpan.FromSeconds(90));

        IReadOnlyList<StoredTrial> trials = storage.ReadTrials(id, 0);
        Assert.InRange(doneAfterRestart, 1, (2 * Keys / 3) - 1);
        Assert.InRange(doneAfterStop, 2 * Keys / 3, Keys - 1);
        Assert.Equal(Keys, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(Keys, trials.Select(t => t.ConfigurationKey).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Keys), trials.Select(t => t.Number).Order());
    }

    private static void WaitFor(Func<bool> condition, Task worker) =>
        Assert.True(SpinWait.SpinUntil(() => condition() || worker.IsCompleted, TimeSpan.FromSeconds(20)) && !worker.IsCompleted, "the worker stopped early");

    private static void ClaimAndFinishAll(PostgresExperimentStorage storage, long id, Action finished)
    {
        long seen = 0;
        for (int k = 0; k < Keys; k++)
        {
            var parameters = new Dictionary<string, object?> { ["k"] = k };
            DateTimeOffset now = DateTimeOffset.UtcNow;
            ClaimResult claim = storage.TryClaim(new ClaimRequest(id, $"k={k}", parameters, false, "w1", now, now.AddMinutes(5), null));
            Assert.Equal(ClaimStatus.Claimed, claim.Status);
            Assert.True(storage.FinishTrial(claim.TrialId, "w1", new RunResult(k, parameters)));
            IReadOnlyList<StoredTrial> changes = storage.ReadTrials(id, seen);
            seen = changes.Count > 0 ? changes[^1].Version : seen;
            finished();
            Thread.Sleep(5);
        }
    }
}
