using Nomadic.Experiments;
using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public sealed class ExperimentPruningTests : IDisposable
{
    private const int Steps = 30;
    private readonly string _folder = Directory.CreateTempSubdirectory("nomadic-pruning-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_MedianPrunerOnLearningCurves_PrunesMostBadConfigurationsAndNoneOfTheBest()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        var options = new ExperimentOptions { Tuner = new RandomTuner(), NumSamples = 30, Seed = 5, Pruner = new MedianPruner() };

        ExperimentResult result = await new Experiment(space, Objective.FromTrial(LearningCurve), options).RunAsync();

        Assert.Equal(30, result.Count);
        RunResult[] byQuality = [.. result.RunResults.OrderBy(r => Quality(r.Params))];
        RunResult[] bad = byQuality[..15];
        RunResult[] best = byQuality[^3..];
        int badPruned = bad.Count(r => r.Status == RunStatus.Pruned);
        Assert.True(badPruned >= 10, $"{badPruned} of the 15 worse configurations were pruned");
        Assert.True(result.RunResults.Sum(r => r.IntermediateValues.Count) < 0.6 * 30 * Steps, "pruning saved at least 40 % of the steps");
        Assert.All(best, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Same(best[^1], result.BestRunResult);
        Assert.All(result.RunResults.Where(r => r.Status == RunStatus.Pruned), r =>
        {
            Assert.InRange(r.IntermediateValues.Count, 1, Steps - 1);
            Assert.Equal(r.IntermediateValues[^1].Value, r.Score);
            Assert.Null(r.Error);
        });
        Assert.All(result.RunResults.Where(r => r.Status == RunStatus.Completed), r => Assert.Equal(Steps, r.IntermediateValues.Count));
    }

    [Fact]
    public async Task RunAsync_SuccessiveHalving_StopsRunsOnlyAtRungSteps()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        var pruner = new SuccessiveHalvingPruner(new SuccessiveHalvingPrunerOptions { MinResource = 1, ReductionFactor = 3 });
        var options = new ExperimentOptions { Tuner = new RandomTuner(), NumSamples = 30, Seed = 2, Pruner = pruner };

        ExperimentResult result = await new Experiment(space, Objective.FromTrial(LearningCurve), options).RunAsync();

        RunResult[] pruned = [.. result.RunResults.Where(r => r.Status == RunStatus.Pruned)];
        Assert.NotEmpty(pruned);
        Assert.All(pruned, r => Assert.Contains(r.IntermediateValues[^1].Step, new[] { 1, 3, 9, 27 }));
        Assert.Equal(RunStatus.Completed, result.BestRunResult.Status);
    }

    [Fact]
    public async Task RunAsync_ObjectiveReturnsAPrunedResult_RecordsItWithItsLastReportedValue()
    {
        var space = new SearchSpace { ["x"] = Tune.Choice(1) };
        IObjective objective = Objective.FromTrial((trial, ct) =>
        {
            trial.Report(0, 0.2);
            trial.Report(1, 0.4);
            return Task.FromResult(new RunResult(99, trial.Params) { Status = RunStatus.Pruned });
        });

        RunResult run = Assert.Single((await new Experiment(space, objective).RunAsync()).RunResults);

        Assert.Equal((RunStatus.Pruned, 0.4), (run.Status, run.Score));
        Assert.Equal([new(0, 0.2), new(1, 0.4)], run.IntermediateValues);
    }

    [Fact]
    public async Task RunAsync_PrunedBeforeAnyReport_ScoresNaNAndIsNeverTheBest()
    {
        var space = new SearchSpace { ["x"] = Tune.Choice(1, 2) };
        IObjective objective = Objective.FromTrial(trial => (int)trial.Params["x"]! == 1 ? throw new TrialPrunedException() : 0.5);

        ExperimentResult result = await new Experiment(space, objective).RunAsync();

        RunResult pruned = result.RunResults.Single(r => r.Status == RunStatus.Pruned);
        Assert.True(double.IsNaN(pruned.Score));
        Assert.Empty(pruned.IntermediateValues);
        Assert.Equal(0.5, result.BestRunResult.Score);
    }

    [Fact]
    public async Task RunAsync_PrunedWithRetries_IsNotRetried()
    {
        int attempts = 0;
        var options = new ExperimentOptions { Retry = new RetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero } };
        IObjective objective = Objective.FromTrial(trial =>
        {
            Interlocked.Increment(ref attempts);
            trial.Report(0, 1);
            throw new TrialPrunedException();
        });

        RunResult run = Assert.Single((await new Experiment(new SearchSpace { ["x"] = Tune.Choice(1) }, objective, options).RunAsync()).RunResults);

        Assert.Equal(RunStatus.Pruned, run.Status);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task RunAsync_ResumedFromJournal_RestoredCurvesFeedThePruner()
    {
        string journal = Path.Combine(_folder, "journal.jsonl");
        var space = new SearchSpace { ["x"] = Tune.Choice(0.9, 0.8, 0.75, 0.72, 0.7, 0.1, 0.2) };
        var first = new ExperimentOptions { Name = "curves", NumSamples = 5, Tuner = new GridTuner(), JournalPath = journal };
        await new Experiment(space, Objective.FromTrial(LearningCurve), first).RunAsync();

        ExperimentResult result = await new Experiment(space, Objective.FromTrial(LearningCurve), new ExperimentOptions
        {
            Name = "curves", Tuner = new GridTuner(), JournalPath = journal, Pruner = new MedianPruner(),
        }).RunAsync();

        Assert.Equal(7, result.Count);
        Assert.All(result.RunResults.Take(5), r => Assert.Equal(Steps, r.IntermediateValues.Count));
        Assert.Equal([RunStatus.Pruned, RunStatus.Pruned], result.RunResults.Skip(5).Select(r => r.Status));
        Assert.All(result.RunResults.Skip(5), r => Assert.Single(r.IntermediateValues));
    }

    [Fact]
    public async Task RunAsync_ConcurrentRuns_PrunerSeesTheRunningTrials()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        var pruner = new RecordingPruner(seen);
        using var together = new Barrier(2);
        IObjective objective = Objective.FromTrial(async (trial, ct) =>
        {
            trial.Report(0, 1);
            await Task.Run(() => together.SignalAndWait(ct), ct);
            trial.ShouldPrune();
            await Task.Run(() => together.SignalAndWait(ct), ct);
            return 1.0;
        });
        var options = new ExperimentOptions { Tuner = new GridTuner(), MaxConcurrentTrials = 2, Pruner = pruner };

        await new Experiment(new SearchSpace { ["x"] = Tune.Choice(1, 2) }, objective, options).RunAsync();

        Assert.Equal([1, 1], seen);
    }

    private static double LearningCurve(Trial trial)
    {
        double quality = Quality(trial.Params);
        double value = 0;
        for (int step = 1; step <= Steps; step++)
        {
            value = quality * (1 - Math.Exp(-step / 5.0));
            trial.Report(step, value);
            if (trial.ShouldPrune())
            {
                throw new TrialPrunedException();
            }
        }

        return value;
    }

    private static double Quality(IReadOnlyDictionary<string, object?> parameters) => 1 - Math.Abs((double)parameters["x"]! - 0.7);

    private sealed class RecordingPruner(System.Collections.Concurrent.ConcurrentBag<int> seen) : IPruner
    {
        public bool ShouldPrune(PruningContext context)
        {
            seen.Add(context.RunningTrials.Count(t => t.IntermediateValues.Count == 1));
            return false;
        }
    }
}
