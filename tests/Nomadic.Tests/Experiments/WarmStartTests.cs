using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class WarmStartTests
{
    private static readonly SearchSpace Space = new() { ["n"] = Tune.RandInt(0, 6), ["c"] = Tune.Choice("a", "b") };

    [Fact]
    public async Task EnqueuedConfigurations_RunFirstInOrderAfterTheBaseline()
    {
        var options = new ExperimentOptions
        {
            Tuner = new GridTuner(),
            CurrentParams = Params(3, "b"),
            EnqueuedConfigurations = [Params(5, "a"), Params(1, "b"), Params(3, "b")],
        };

        ExperimentResult result = await new Experiment(Space, Score, options).RunAsync();

        Assert.Equal(12, result.Count);
        Assert.Equal(["3b", "5a", "1b", "0a"], result.RunResults.Take(4).Select(Text));
        Assert.True(result.RunResults[0].IsBaseline);
        Assert.Equal(12, result.RunResults.Select(Text).Distinct().Count());
    }

    [Fact]
    public void EnqueuedConfigurations_OutsideTheSpace_NamesTheParameter()
    {
        var options = new ExperimentOptions { Tuner = new GridTuner(), EnqueuedConfigurations = [Params(1, "a"), Params(9, "a")] };

        var error = Assert.Throws<ArgumentException>(() => new Experiment(Space, Score, options));

        Assert.Equal("EnqueuedConfigurations[1] is outside the search space: 'n' = 9 is outside randint(0, 6).", error.Message);
    }

    [Fact]
    public async Task Enqueue_DuringAskTell_IsHandedOutNextAndInvalidOnesAreRefused()
    {
        using var experiment = new Experiment(Space, Score, new ExperimentOptions { NumSamples = 10, Seed = 1 });
        Trial first = experiment.Ask()!;
        experiment.Tell(first, 1.0);

        experiment.Enqueue(Params(4, "b"));
        Trial second = experiment.Ask()!;

        Assert.Equal(Params(4, "b"), second.Params);
        Assert.Throws<ArgumentException>(() => experiment.Enqueue(new Dictionary<string, object?> { ["n"] = 2 }));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Enqueue_ConfigurationAlreadyEvaluated_IsNotRunAgain()
    {
        var options = new ExperimentOptions { Tuner = new GridTuner(), EnqueuedConfigurations = [Params(0, "a"), Params(0, "a")] };

        ExperimentResult result = await new Experiment(Space, Score, options).RunAsync();

        Assert.Equal(12, result.Count);
        Assert.Single(result.RunResults, r => Text(r) == "0a");
    }

    [Fact]
    public async Task PriorRuns_AreNotRunAgainAndNotInTheResult()
    {
        RunResult[] prior = [new RunResult(10, Params(2, "a")), new RunResult(11, Params(2, "b")), new RunResult(1, Params(99, "a"))];
        var options = new ExperimentOptions { Tuner = new GridTuner(), PriorRuns = prior };

        ExperimentResult result = await new Experiment(Space, Score, options).RunAsync();

        Assert.Equal(10, result.Count);
        Assert.DoesNotContain(result.RunResults, r => r.Params["n"] is 2);
    }

    [Fact]
    public async Task PriorRuns_FeedTheModelSoTpeSkipsItsRandomStart()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-10, 10) };
        RunResult[] prior = Enumerable.Range(0, 30).Select(i => new RunResult(Math.Abs((i - 15) * 0.5 - 3.0), new Dictionary<string, object?> { ["x"] = (i - 15) * 0.5 })).ToArray();

        var cold = await new Experiment(space, p => Math.Abs((double)p["x"]! - 3.0), new ExperimentOptions { Tuner = new TpeTuner(), NumSamples = 5, Seed = 2, Direction = Direction.Minimize }).RunAsync();
        var warm = await new Experiment(space, p => Math.Abs((double)p["x"]! - 3.0), new ExperimentOptions { Tuner = new TpeTuner(), NumSamples = 5, Seed = 2, Direction = Direction.Minimize, PriorRuns = prior }).RunAsync();

        Assert.True(warm.RunResults.Select(r => r.Score).Order().ElementAt(2) < 1.0, string.Join(", ", warm.RunResults.Select(r => r.Score)));
        Assert.True(warm.BestRunResult.Score < cold.BestRunResult.Score);
    }

    [Fact]
    public async Task RunAsync_ResumedWithMoreStoredRunsThanTheBudget_StopsAtOnce()
    {
        using var storage = new Nomadic.Storage.InMemoryExperimentStorage();
        var first = new ExperimentOptions { Name = "e", Storage = storage, Tuner = new GridTuner(), CurrentParams = Params(3, "b"), NumSamples = 6 };
        await new Experiment(Space, Score, first).RunAsync();
        var resumed = new ExperimentOptions
        {
            Name = "e",
            Storage = storage,
            Tuner = new GridTuner(),
            CurrentParams = Params(3, "b"),
            EnqueuedConfigurations = [Params(5, "a")],
            NumSamples = 3,
        };

        Task<ExperimentResult> run = new Experiment(Space, Score, resumed).RunAsync();
        Task finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(run, finished);
        Assert.Equal(6, (await run).Count);
    }

    private static Dictionary<string, object?> Params(int n, string c) => new() { ["n"] = n, ["c"] = c };

    private static double Score(IReadOnlyDictionary<string, object?> p) => (int)p["n"]! + ((string)p["c"]! == "b" ? 0.5 : 0);

    private static string Text(RunResult run) => $"{run.Params["n"]}{run.Params["c"]}";
}
