using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Sqlite.Tests;

/// <summary>Real experiments sharing one database file through two storages, as two worker processes would.</summary>
public sealed class SqliteExperimentStorageEndToEndTests : IDisposable
{
    private const string Name = "grid";
    private readonly TemporaryDirectory _folder = new();
    private readonly SqliteExperimentStorage _first;
    private readonly SqliteExperimentStorage _second;

    public SqliteExperimentStorageEndToEndTests()
    {
        string path = _folder.File("shared.db");
        _first = new SqliteExperimentStorage(path);
        _second = new SqliteExperimentStorage(path);
    }

    private static SearchSpace Grid => new() { ["a"] = Tune.RandInt(0, 10), ["b"] = Tune.RandInt(0, 10) };

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task RunAsync_TwoWorkersOnOneFile_RunEveryConfigurationOnce()
    {
        Experiment[] workers = [Worker(_first, "w1"), Worker(_second, "w2")];

        ExperimentResult[] results = await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync())));

        AssertWholeGridOnce(_first.LoadResult(Name)!);
        Assert.All(results, r => Assert.InRange(r.Count, 1, 100));
        StoredExperiment stored = _second.FindExperiment(Name)!;
        Assert.Equal(100, stored.TrialCounts[TrialState.Completed]);
        Assert.Single(stored.TrialCounts);
        Assert.Equal("ok", SqliteFile.Sql(_first.Location, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task RunAsync_AnotherWorkerDiedHoldingTrials_TakesThemOverAfterTheirLeasesExpire()
    {
        var dead = Worker(_first, "dead", TimeSpan.FromMilliseconds(300));
        Trial[] held = [dead.Ask()!, dead.Ask()!, dead.Ask()!];

        await Worker(_second, "alive", TimeSpan.FromSeconds(1)).RunAsync();

        AssertWholeGridOnce(_second.LoadResult(Name)!);
        IReadOnlyList<StoredTrial> trials = _second.ReadTrials(_second.FindExperiment(Name)!.Id, 0);
        Assert.Equal(103, trials.Count);
        Assert.Equal(3, trials.Count(t => t.State == TrialState.Abandoned && t.WorkerId == "dead"));
        Assert.All(held, h => Assert.Single(trials, t => t.State == TrialState.Completed && t.WorkerId == "alive" && Cell(t.Params) == Cell(h.Params)));
    }

    [Fact]
    public async Task RunAsync_AgainAfterEveryRunFailed_RunsTheGridAgainAndKeepsTheFailedRowsAbandoned()
    {
        bool endpointUp = false;
        Experiment Again(IExperimentStorage storage, bool retryFailed) => new(
            Grid,
            p => endpointUp ? Cell(p) : throw new HttpRequestException("Connection refused"),
            new ExperimentOptions { Name = Name, Storage = storage, Tuner = new GridTuner(), RetryFailedRuns = retryFailed });
        await Again(_first, retryFailed: true).RunAsync();
        endpointUp = true;

        ExperimentResult kept = await Again(_second, retryFailed: false).RunAsync();
        ExperimentResult retried = await Again(_second, retryFailed: true).RunAsync();

        Assert.Equal(100, kept.RunResults.Count(r => r.Status == RunStatus.Failed));
        AssertWholeGridOnce(retried);
        AssertWholeGridOnce(_first.LoadResult(Name)!);
        Assert.Equal(Enumerable.Range(100, 100), retried.RunResults.Select(r => r.TrialNumber));
        Assert.Equal(100L, SqliteFile.Sql(_first.Location, "SELECT count(*) FROM trials WHERE state = 'abandoned' AND run LIKE '%Connection refused%'"));
    }

    [Fact]
    public async Task RunAsync_ReproducibleInParallel_MakesTheSameRunsAsWithoutAStorage()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-2, 2), ["y"] = Tune.Uniform(-2, 2) };
        ExperimentOptions Options(IExperimentStorage? storage) => new()
        {
            Name = "parallel", Storage = storage, Tuner = new TpeTuner(), Seed = 9, NumSamples = 20, MaxConcurrentTrials = 3, Reproducible = true,
        };

        ExperimentResult inMemory = await new Experiment(space, SlowScore, Options(null)).RunAsync();
        ExperimentResult inFile = await new Experiment(space, SlowScore, Options(_first)).RunAsync();

        Assert.Equal(Sequence(inMemory), Sequence(inFile));
        Assert.Equal(Sequence(inMemory), Sequence(_second.LoadResult("parallel")!));
        Assert.Equal(true, inFile.Metadata["reproducible"]);
    }

    // Sleeps a random time the seed does not decide, so runs finish in a different order every time.
    private static async Task<double> SlowScore(IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        await Task.Delay(System.Random.Shared.Next(0, 10), ct);
        return -Math.Pow((double)p["x"]! - 0.5, 2) - Math.Pow((double)p["y"]!, 2);
    }

    private static string[] Sequence(ExperimentResult result) =>
        [.. result.RunResults.OrderBy(r => r.TrialNumber).Select(r => $"{r.TrialNumber}: {r.Params["x"]}, {r.Params["y"]} -> {r.Score}")];

    private static Experiment Worker(IExperimentStorage storage, string workerId, TimeSpan? lease = null) =>
        new(Grid, async (p, ct) =>
        {
            await Task.Delay(1, ct);
            return Cell(p);
        }, new ExperimentOptions
        {
            Name = Name,
            Storage = storage,
            Tuner = new GridTuner(),
            MaxConcurrentTrials = 2,
            WorkerId = workerId,
            LeaseDuration = lease ?? TimeSpan.FromSeconds(30),
        });

    private static int Cell(IReadOnlyDictionary<string, object?> p) => (int)p["a"]! * 10 + (int)p["b"]!;

    private static void AssertWholeGridOnce(ExperimentResult result)
    {
        Assert.Equal(100, result.Count);
        Assert.All(result.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(
            Enumerable.Range(0, 100),
            result.RunResults.Select(r => Cell(r.Params)).Order());
        Assert.Equal(Enumerable.Range(0, 100), result.RunResults.Select(r => (int)r.Score).Order());
    }
}
