using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Api;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

public sealed class ExperimentViewCacheTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TemporaryDirectory _folder = new();
    private readonly CountingStorage _storage;

    public ExperimentViewCacheTests() => _storage = new CountingStorage(new SqliteExperimentStorage(_folder.File("nomadic.db")));

    [Fact]
    public void View_NothingChanged_ReturnsTheSameViewAndItsImportance()
    {
        StoredExperiment stored = Create("settled", runs: 10);
        var cache = new ExperimentViewCache(_storage);
        ExperimentView first = cache.View(stored);

        ExperimentView second = cache.View(stored);

        Assert.Same(first, second);
        Assert.NotNull(ResultImportance.Compute(first.Result));
        Assert.Same(ResultImportance.Compute(first.Result), ResultImportance.Compute(second.Result));
        Assert.True(_storage.LastAfterVersion > 0, "the second view asks only for trials changed since the first");
    }

    [Fact]
    public void View_RunFinishedSince_ShowsItAndTheNewBest()
    {
        StoredExperiment stored = Create("live", runs: 10);
        var cache = new ExperimentViewCache(_storage);
        ExperimentView before = cache.View(stored);

        Finish(stored.Id, 10, 5.0);
        ClaimResult running = _storage.TryClaim(new ClaimRequest(stored.Id, "busy", Params(11), false, "w1", Now, Now.AddHours(1), null));
        ExperimentView after = cache.View(stored);

        Assert.Equal(10, before.Result.Count);
        Assert.Equal(11, after.Result.Count);
        Assert.Equal(10, after.Result.BestRunResult.TrialNumber);
        Assert.Equal(running.Number, Assert.Single(after.Running).Number);
        Assert.Equal(11, after.Counts["completed"]);
        Assert.Equal(1, after.Counts["running"]);
        Assert.NotSame(ResultImportance.Compute(before.Result), ResultImportance.Compute(after.Result));
    }

    [Fact]
    public void View_MoreTrialsThanTheBound_DropsTheLeastRecentlyUsed()
    {
        StoredExperiment a = Create("a", runs: 4);
        StoredExperiment b = Create("b", runs: 4);
        StoredExperiment c = Create("c", runs: 4);
        var cache = new ExperimentViewCache(_storage, maxTrials: 8);
        ExperimentView firstA = cache.View(a);
        cache.View(b);
        Assert.Same(firstA, cache.View(a));

        cache.View(c);

        Assert.Equal(2, cache.Count);
        Assert.Same(firstA, cache.View(a));
        _storage.Reset();
        cache.View(b);
        Assert.Equal(0, _storage.LastAfterVersion);
    }

    [Fact]
    public void View_OneExperimentLargerThanTheBound_IsStillKept()
    {
        StoredExperiment large = Create("large", runs: 6);
        var cache = new ExperimentViewCache(_storage, maxTrials: 2);

        ExperimentView first = cache.View(large);

        Assert.Equal(1, cache.Count);
        Assert.Same(first, cache.View(large));
    }

    [Fact]
    public void View_AnotherExperimentUnderTheSameId_ReadsItAfresh()
    {
        StoredExperiment stored = Create("first", runs: 3);
        var cache = new ExperimentViewCache(_storage);
        ExperimentView first = cache.View(stored);

        ExperimentView other = cache.View(stored with { Name = "second", CreatedAt = stored.CreatedAt.AddMinutes(1) });

        Assert.NotSame(first, other);
        Assert.Equal(0, _storage.LastAfterVersion);
        Assert.Equal(1, cache.Count);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _folder.Dispose();
    }

    private static Dictionary<string, object?> Params(int number) => new() { ["optimizer"] = number % 2 == 0 ? "sgd" : "adam", ["lr"] = 0.001 * (number + 1) };

    private StoredExperiment Create(string name, int runs)
    {
        StoredExperiment stored = _storage.CreateOrOpenExperiment(new ExperimentDefinition(name, Direction.Maximize, Samples.Space(), new Dictionary<string, object?>()));
        for (int i = 0; i < runs; i++)
        {
            Finish(stored.Id, i, 0.1 * i);
        }

        return _storage.FindExperiment(stored.Id)!;
    }

    private void Finish(long experimentId, int number, double score)
    {
        ClaimResult claim = _storage.TryClaim(new ClaimRequest(experimentId, $"run-{number}", Params(number), false, "w1", Now, Now.AddHours(1), null));
        Assert.Equal(ClaimStatus.Claimed, claim.Status);
        Assert.True(_storage.FinishTrial(claim.TrialId, "w1", new RunResult(score, Params(number)) { TrialNumber = claim.Number }));
    }
}
