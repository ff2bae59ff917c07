using Nomadic.Experiments;
using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class RepeatedScoresTests
{
    private static readonly SearchSpace OneParam = new() { ["n"] = Tune.Choice(1) };

    [Fact]
    public async Task RunAsync_ThreeRepeats_ScoresTheMeanWithMedianStdAndValues()
    {
        RunResult run = await RunOnceAsync(Sequence(1, 2, 6), repeats: 3);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(3.0, run.Score);
        Assert.Equal(3.0, run.Metadata["score_mean"]);
        Assert.Equal(2.0, run.Metadata["score_median"]);
        Assert.Equal(Math.Sqrt(7), (double)run.Metadata["score_std"]!, 12);
        Assert.Equal([1.0, 2.0, 6.0], Assert.IsType<List<double>>(run.Metadata["score_values"]));
    }

    [Fact]
    public async Task RunAsync_EvenRepeats_MedianIsTheMeanOfTheMiddleTwo()
    {
        RunResult run = await RunOnceAsync(Sequence(10, 1, 3, 2), repeats: 4);

        Assert.Equal(4.0, run.Score);
        Assert.Equal(2.5, run.Metadata["score_median"]);
    }

    [Fact]
    public async Task RunAsync_EqualRepetitions_StdIsZero()
    {
        RunResult run = await RunOnceAsync(Sequence(0.5, 0.5), repeats: 2);

        Assert.Equal(0.0, run.Metadata["score_std"]);
    }

    [Fact]
    public async Task RunAsync_ObjectiveMetadata_KeptFromTheLastRepetitionBesideTheStatistics()
    {
        int calls = 0;
        IObjective objective = Objective.Create(p => new RunResult(1, p, new Dictionary<string, object?> { ["call"] = ++calls }));

        RunResult run = await RunOnceAsync(objective, repeats: 2);

        Assert.Equal(2, run.Metadata["call"]);
        Assert.Contains("score_values", run.Metadata.Keys);
    }

    [Fact]
    public async Task RunAsync_FailedRepetition_FailsTheRunAndStops()
    {
        int calls = 0;
        IObjective objective = Objective.Create(_ => ++calls == 2 ? throw new InvalidOperationException("flaky") : 1.0);

        RunResult run = await RunOnceAsync(objective, repeats: 3);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("repetition 2 of 3: InvalidOperationException: flaky", run.Error);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunAsync_NaNRepetition_FailsTheRun()
    {
        RunResult run = await RunOnceAsync(Sequence(1, double.NaN), repeats: 2);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.StartsWith("repetition 2 of 2: the objective returned a score of NaN", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PrunedRepetition_PrunesTheRun()
    {
        int calls = 0;
        IObjective objective = Objective.FromTrial(trial =>
        {
            trial.Report(calls, 0.25);
            return ++calls == 2 ? throw new TrialPrunedException() : 1.0;
        });

        RunResult run = await RunOnceAsync(objective, repeats: 3);

        Assert.Equal((RunStatus.Pruned, 0.25, 2), (run.Status, run.Score, calls));
    }

    [Fact]
    public async Task RunAsync_OneRepeat_AddsNoStatistics()
    {
        RunResult run = await RunOnceAsync(Sequence(1), repeats: 1);

        Assert.Empty(run.Metadata);
    }

    [Fact]
    public void Constructor_ZeroRepeats_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new Experiment(OneParam, _ => 1.0, new ExperimentOptions { Repeats = 0 }));

        Assert.Equal("Repeats must be at least 1, got 0.", error.Message);
    }

    private static IObjective Sequence(params double[] scores)
    {
        int next = 0;
        return Objective.Create(_ => scores[next++]);
    }

    private static async Task<RunResult> RunOnceAsync(IObjective objective, int repeats) =>
        Assert.Single((await new Experiment(OneParam, objective, new ExperimentOptions { Repeats = repeats }).RunAsync()).RunResults);
}
