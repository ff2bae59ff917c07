using Microsoft.Extensions.Time.Testing;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class ExperimentStorageTests
{
    private static readonly SearchSpace Grid = new() { ["a"] = Tune.RandInt(0, 10), ["b"] = Tune.RandInt(0, 10) };

    [Fact]
    public async Task RunAsync_TwoWorkersOnOneStorage_SplitTheGridAndRunEachPointOnce()
    {
        using var storage = new InMemoryExperimentStorage();
        var evaluated = new System.Collections.Concurrent.ConcurrentBag<string>();

        Experiment Worker(string id) => new(Grid, async (p, ct) =>
        {
            evaluated.Add($"{p["a"]},{p["b"]}");
            await Task.Delay(1, ct);
            return (int)p["a"]! + (int)p["b"]!;
        }, new ExperimentOptions { Name = "shared", Storage = storage, Tuner = new GridTuner(), MaxConcurrentTrials = 2, WorkerId = id });

        ExperimentResult[] results = await Task.WhenAll(Worker("w1").RunAsync(), Worker("w2").RunAsync());

        Assert.Equal(100, evaluated.Count);
        Assert.Equal(100, evaluated.Distinct().Count());
        ExperimentResult stored = storage.LoadResult("shared")!;
        Assert.Equal(Enumerable.Range(0, 100), stored.RunResults.Select(r => r.TrialNumber));
        Assert.All(results, r => Assert.Equal(100, r.Count));
        Assert.Equal(18.0, stored.BestRunResult.Score);
    }

    [Fact]
    public async Task RunAsync_WorkerDiedHoldingTrials_TheirConfigurationsAreRunByAnother()
    {
        using var storage = new InMemoryExperimentStorage();
        var lease = TimeSpan.FromMinutes(1);
        // The dead worker's clock stopped an hour ago, so its leases ended long before the other worker starts.
        var stopped = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var dead = new Experiment(Grid, _ => 0.0, new ExperimentOptions { Name = "lost", Storage = storage, Tuner = new GridTuner(), LeaseDuration = lease, WorkerId = "dead", TimeProvider = stopped });
        Trial[] held = [dead.Ask()!, dead.Ask()!, dead.Ask()!];

        var alive = new Experiment(Grid, p => (int)p["a"]!, new ExperimentOptions { Name = "lost", Storage = storage, Tuner = new GridTuner(), LeaseDuration = lease, WorkerId = "alive" });
        ExperimentResult result = await alive.RunAsync();

        Assert.Equal(100, result.Count);
        Assert.Equal(100, result.RunResults.Select(r => $"{r.Params["a"]},{r.Params["b"]}").Distinct().Count());
        Assert.All(held, t => Assert.Contains(result.RunResults, r => r.Params["a"]!.Equals(t.Params["a"]) && r.Params["b"]!.Equals(t.Params["b"])));
        Assert.Equal(100, storage.LoadResult("lost")!.Count);
    }

    [Fact]
    public async Task RunAsync_SameNameAgain_ResumesWithTheRemainingBudget()
    {
        using var storage = new InMemoryExperimentStorage();
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        using (var cancel = new CancellationTokenSource())
        {
            int finished = 0;
            var first = new Experiment(space, p => (double)p["x"]!, new ExperimentOptions
            {
                Name = "resume",
                Storage = storage,
                NumSamples = 20,
                Seed = 4,
                Progress = new Progress(() => { if (++finished == 7) { cancel.Cancel(); } }),
            });
            Assert.Equal(7, (await first.RunAsync(cancel.Token)).Count);
        }

        var second = new Experiment(space, p => (double)p["x"]!, new ExperimentOptions { Name = "resume", Storage = storage, NumSamples = 20, Seed = 4 });
        ExperimentResult result = await second.RunAsync();

        Assert.Equal(20, result.Count);
        Assert.Equal(20, result.RunResults.Select(r => (double)r.Params["x"]!).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 20), result.RunResults.Select(r => r.TrialNumber));
        Assert.Equal(StopReasons.NumSamples, result.Metadata["stop_reason"]);
    }

    [Fact]
    public async Task RunAsync_BaselineAlreadyStored_IsNotRunAgain()
    {
        using var storage = new InMemoryExperimentStorage();
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2, 3) };
        int calls = 0;
        var options = new ExperimentOptions { Name = "base", Storage = storage, CurrentParams = new Dictionary<string, object?> { ["n"] = 2 }, NumSamples = 1 };
        await new Experiment(space, _ => ++calls, options).RunAsync();

        ExperimentResult result = await new Experiment(space, _ => ++calls, new ExperimentOptions { Name = "base", Storage = storage, CurrentParams = new Dictionary<string, object?> { ["n"] = 2 } }).RunAsync();

        Assert.Equal(3, calls);
        Assert.Single(result.RunResults, r => r.IsBaseline);
        Assert.Equal(3, result.Count);
    }

    [Fact]
    public void Ask_OtherWorkersRunningTrials_AreVisibleToTheTuner()
    {
        using var storage = new InMemoryExperimentStorage();
        var first = new Experiment(Grid, _ => 0.0, new ExperimentOptions { Name = "seen", Storage = storage, Tuner = new GridTuner(), WorkerId = "a" });
        Trial[] held = [first.Ask()!, first.Ask()!];
        var tuner = new RecordingTuner();
        var second = new Experiment(Grid, _ => 0.0, new ExperimentOptions { Name = "seen", Storage = storage, Tuner = tuner, WorkerId = "b" });

        Trial mine = second.Ask()!;

        Assert.Equal(2, tuner.RunningSeen.Count);
        Assert.All(held, t => Assert.Contains(tuner.RunningSeen, p => p["a"]!.Equals(t.Params["a"]) && p["b"]!.Equals(t.Params["b"])));
        Assert.DoesNotContain(held, t => t.Params["a"]!.Equals(mine.Params["a"]) && t.Params["b"]!.Equals(mine.Params["b"]));
    }

    [Fact]
    public void Constructor_StorageWithoutName_ThrowsClearly()
    {
        using var storage = new InMemoryExperimentStorage();

        var error = Assert.Throws<ArgumentException>(() => new Experiment(Grid, _ => 0.0, new ExperimentOptions { Storage = storage }));

        Assert.Contains("needs a Name", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingTuner : ITuner
    {
        private readonly GridTuner _grid = new();

        public List<IReadOnlyDictionary<string, object?>> RunningSeen { get; } = [];

        public string Name => "recording";

        public void Initialize(TunerSetup setup) => _grid.Initialize(setup);

        public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
        {
            RunningSeen.Clear();
            RunningSeen.AddRange(context.RunningConfigurations);
            return _grid.Suggest(context);
        }

        public void Observe(RunResult run)
        {
        }
    }

    [Fact]
    public void Tell_LeaseTakenOverByAnotherWorker_ThrowsAndTheOtherWorkersRunIsKept()
    {
        using var storage = new InMemoryExperimentStorage();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var space = new SearchSpace { ["x"] = Tune.Choice(1, 2) };
        ExperimentOptions Options(string worker) => new() { Name = "lease", Storage = storage, Tuner = new GridTuner(), LeaseDuration = TimeSpan.FromSeconds(1), TimeProvider = time, WorkerId = worker };
        using var first = new Experiment(space, _ => 0.0, Options("a"));
        Trial slow = first.Ask()!;
        time.Advance(TimeSpan.FromSeconds(2));
        using var second = new Experiment(space, _ => 0.0, Options("b"));
        Trial takenOver = second.Ask()!;

        var error = Assert.Throws<StorageException>(() => first.Tell(slow, 5.0));
        second.Tell(takenOver, 7.0);

        Assert.Equal("memory: run 0 was not recorded: its lease ran out and another worker took the trial over; a longer LeaseDuration keeps long pauses from losing runs", error.Message);
        Assert.Equal(slow.Params["x"], takenOver.Params["x"]);
        Assert.Equal(7.0, Assert.Single(storage.LoadResult("lease")!.RunResults).Score);
        Assert.Empty(first.Result.RunResults);
    }

    [Fact]
    public async Task RunAsync_WithStorage_ReturnsTheStoredRunsAndNamesTheStorage()
    {
        using var storage = new InMemoryExperimentStorage();
        var space = new SearchSpace { ["x"] = Tune.Choice(1, 2, 3) };
        using (var earlier = new Experiment(space, p => (int)p["x"]!, new ExperimentOptions { Name = "whole", Storage = storage, Tuner = new GridTuner() }))
        {
            earlier.Tell(earlier.Ask()!, 1.0);
        }

        ExperimentResult result = await new Experiment(space, p => (int)p["x"]!, new ExperimentOptions { Name = "whole", Storage = storage, Tuner = new GridTuner() }).RunAsync();

        Assert.Equal([0, 1, 2], result.RunResults.Select(r => r.TrialNumber));
        Assert.Equal("memory", result.Metadata["storage"]);
        Assert.Equal("grid", result.Metadata["tuner"]);
    }

    private sealed class Progress(Action report) : IProgress<RunResult>
    {
        public void Report(RunResult value) => report();
    }
}
