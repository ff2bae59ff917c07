using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Postgres.Tests;

/// <summary>The real engine on two workers sharing one experiment through PostgreSQL.</summary>
[Collection(PostgresTests.Name)]
public sealed class SharedExperimentTests(PostgresServer server)
{
    [Fact]
    public async Task RunAsync_TwoWorkersOneGrid_EvaluateEachConfigurationOnce()
    {
        string name = $"grid-{Guid.NewGuid():N}";
        var space = new SearchSpace { ["a"] = Tune.RandInt(0, 10), ["b"] = Tune.RandInt(0, 10) };
        using var first = new PostgresExperimentStorage(server.Database("engine"));
        using var second = new PostgresExperimentStorage(server.Database("engine"));

        ExperimentResult[] results = await Task.WhenAll(
            Worker(space, name, first, "worker-1").RunAsync(),
            Worker(space, name, second, "worker-2").RunAsync());

        ExperimentResult stored = first.LoadResult(name)!;
        Assert.Equal(100, stored.Count);
        Assert.All(stored.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(100, stored.RunResults.Select(r => (r.Params["a"], r.Params["b"])).Distinct().Count());
        IReadOnlyList<StoredTrial> trials = first.ReadTrials(first.FindExperiment(name)!.Id, 0);
        Assert.Equal(100, trials.Count);
        Assert.Equal(2, trials.Select(t => t.WorkerId).Distinct().Count());
        Assert.All(results, r => Assert.Equal(100, r.Count));
    }

    private static Experiment Worker(SearchSpace space, string name, IExperimentStorage storage, string workerId) => new(
        space,
        async (p, cancel) =>
        {
            await Task.Delay(2, cancel);
            return (Convert.ToInt32(p["a"]) * 10) + Convert.ToInt32(p["b"]);
        },
        new ExperimentOptions
        {
            Name = name,
            Storage = storage,
            Tuner = new GridTuner(),
            MaxConcurrentTrials = 2,
            WorkerId = workerId,
            LeaseDuration = TimeSpan.FromSeconds(5),
        });
}
