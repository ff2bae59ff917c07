using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

/// <summary>Experiments with objectives besides the score.</summary>
public class ExperimentObjectivesTests
{
    private static readonly SearchSpace Space = new() { ["size"] = Tune.RandInt(1, 20) };
    private static readonly ObjectiveMetric Latency = new("latency_ms", Direction.Minimize);

    [Fact]
    public async Task RunAsync_ObjectiveReportingAMetric_ResultHasObjectivesAndItsParetoFront()
    {
        var experiment = new Experiment(Space, Evaluate, new ExperimentOptions { Objectives = [Latency], Tuner = new NsgaIITuner(new NsgaIIOptions { PopulationSize = 4 }), NumSamples = 19, Seed = 2 });

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal([Latency], result.Objectives);
        Assert.Equal(result.RunResults.Where(r => r.Status == RunStatus.Completed), result.ParetoFront());
        Assert.Equal(19, (int)result.BestRunResult.Params["size"]!);
    }

    [Fact]
    public async Task RunAsync_SameStorageAndObjectives_ResumesAndLoadsTheObjectives()
    {
        using var storage = new InMemoryExperimentStorage();
        await new Experiment(Space, Evaluate, Options(storage, 3, Latency)).RunAsync();

        ExperimentResult result = await new Experiment(Space, Evaluate, Options(storage, 6, Latency)).RunAsync();

        Assert.Equal(6, result.Count);
        Assert.Equal([Latency], storage.LoadResult("mo")!.Objectives);
    }

    [Fact]
    public async Task Constructor_StoredWithOtherObjectives_IsRefusedLikeAnotherDirection()
    {
        using var storage = new InMemoryExperimentStorage();
        await new Experiment(Space, Evaluate, Options(storage, 2, Latency)).RunAsync();

        var changed = Assert.Throws<StorageException>(() => new Experiment(Space, Evaluate, Options(storage, 4, Latency with { Direction = Direction.Maximize })));
        var dropped = Assert.Throws<StorageException>(() => new Experiment(Space, Evaluate, Options(storage, 4)));

        Assert.Contains("exists with objectives latency_ms (minimize), not latency_ms (maximize)", changed.Message);
        Assert.Contains("not none", dropped.Message);
    }

    [Fact]
    public async Task Constructor_UserSettings_AreStoredBesideTheObjectives()
    {
        using var storage = new InMemoryExperimentStorage();
        var options = new ExperimentOptions { Name = "kept", Storage = storage, NumSamples = 1, Objectives = [Latency], StoredSettings = new Dictionary<string, object?> { ["owner"] = "me" } };

        await new Experiment(Space, Evaluate, options).RunAsync();

        Assert.Equal("me", storage.FindExperiment("kept")!.Settings["owner"]);
        Assert.True(storage.FindExperiment("kept")!.Settings.ContainsKey("objectives"));
    }

    private static ExperimentOptions Options(IExperimentStorage storage, int runs, params ObjectiveMetric[] objectives) =>
        new() { Name = "mo", Storage = storage, NumSamples = runs, Seed = 1, Objectives = objectives };

    // Larger models score better and answer slower: every completed run is a trade-off.
    private static RunResult Evaluate(IReadOnlyDictionary<string, object?> p) =>
        new((int)p["size"]!, p, new Dictionary<string, object?> { ["latency_ms"] = 10L * (int)p["size"]! });
}
