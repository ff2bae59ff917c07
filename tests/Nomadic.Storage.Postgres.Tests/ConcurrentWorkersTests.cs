using System.Collections.Concurrent;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Postgres.Tests;

/// <summary>Several storage instances on one database, as separate worker processes would have.</summary>
[Collection(PostgresTests.Name)]
public sealed class ConcurrentWorkersTests(PostgresServer server) : IDisposable
{
    private const int Keys = 60;

    private readonly PostgresExperimentStorage[] _workers = Enumerable.Range(0, 4).Select(_ => new PostgresExperimentStorage(server.Database("workers"))).ToArray();

    public void Dispose() => Array.ForEach(_workers, w => w.Dispose());

    [Fact]
    public void TryClaim_SeveralInstancesSameKeys_ClaimEachKeyOnce()
    {
        long id = Open("claims");
        var claimed = new ConcurrentBag<string>();

        RunWorkers(2, (storage, worker) =>
        {
            for (int k = 0; k < Keys; k++)
            {
                if (Claim(storage, id, $"key{k}", worker).Status == ClaimStatus.Claimed)
                {
                    claimed.Add($"key{k}");
                }
            }
        });

        Assert.Equal(Keys, claimed.Count);
        Assert.Equal(Keys, claimed.Distinct().Count());
        IReadOnlyList<StoredTrial> trials = _workers[0].ReadTrials(id, 0);
        Assert.Equal(Enumerable.Range(0, Keys), trials.Select(t => t.Number).Order());
        Assert.Equal(Keys, trials.Select(t => t.Version).Distinct().Count());
    }

    [Fact]
    public async Task ReadTrials_FollowingWhileOthersClaimAndFinish_MissesNoChange()
    {
        long id = Open("follow");
        var view = new Dictionary<long, TrialState>();
        long seen = 0;
        using var stop = new CancellationTokenSource();
        Task follower = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                seen = Follow(id, seen, view);
            }
        });

        RunWorkers(1, (storage, worker) =>
        {
            for (int k = 0; k < Keys; k++)
            {
                ClaimResult claim = Claim(storage, id, $"key{k}", worker);
                if (claim.Status == ClaimStatus.Claimed)
                {
                    storage.FinishTrial(claim.TrialId, worker, new RunResult(k, new Dictionary<string, object?> { ["k"] = k }));
                }
            }
        });
        stop.Cancel();
        await follower;
        Follow(id, seen, view);

        Assert.Equal(Keys, view.Count);
        Assert.All(view.Values, state => Assert.Equal(TrialState.Completed, state));
    }

    [Fact]
    public void ExpireLeases_AnotherInstancesStaleTrial_CanBeClaimedAgain()
    {
        long id = Open("expire");
        ClaimResult stale = Claim(_workers[0], id, "a", "w0", DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Equal(1, _workers[1].ExpireLeases(id, DateTimeOffset.UtcNow));
        Assert.Equal(ClaimStatus.Claimed, Claim(_workers[1], id, "a", "w1").Status);
        Assert.False(_workers[0].FinishTrial(stale.TrialId, "w0", new RunResult(1, new Dictionary<string, object?>())));
        Assert.Equal(0, _workers[2].ExpireLeases(id, DateTimeOffset.UtcNow));
    }

    private static ClaimResult Claim(PostgresExperimentStorage storage, long id, string key, string worker, DateTimeOffset? lease = null)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return storage.TryClaim(new ClaimRequest(id, key, new Dictionary<string, object?> { ["k"] = key }, false, worker, now, lease ?? now.AddMinutes(5), null));
    }

    private long Open(string prefix)
    {
        var definition = new ExperimentDefinition($"{prefix}-{Guid.NewGuid():N}", Direction.Maximize, new SearchSpace { ["k"] = Tune.RandInt(0, Keys) }, new Dictionary<string, object?>());
        return _workers[0].CreateOrOpenExperiment(definition).Id;
    }

    private void RunWorkers(int threadsPerInstance, Action<PostgresExperimentStorage, string> work)
    {
        Thread[] threads = _workers
            .SelectMany((storage, i) => Enumerable.Range(0, threadsPerInstance).Select(t => new Thread(() => work(storage, $"w{i}.{t}"))))
            .ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
    }

    private long Follow(long id, long seen, Dictionary<long, TrialState> view)
    {
        foreach (StoredTrial trial in _workers[^1].ReadTrials(id, seen))
        {
            Assert.True(trial.Version > seen, "versions must grow in the order read");
            view[trial.Id] = trial.State;
            seen = trial.Version;
        }

        return seen;
    }
}
