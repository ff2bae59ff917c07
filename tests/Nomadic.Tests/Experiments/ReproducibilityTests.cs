using Microsoft.Extensions.Time.Testing;
using Nomadic.Experiments;
using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class ReproducibilityTests
{
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(0, 1) };

    [Theory]
    [InlineData(1, false, "Reproducible: one run at a time, so the seed and the results decide every configuration.")]
    [InlineData(3, true, "Reproducible: 3 runs at a time, shown to the tuner in run order.")]
    [InlineData(3, false, "Not reproducible: 3 runs ran at a time and the tpe tuner saw them in the order they finished; set reproducible to show them in run order.")]
    public void Judge_ModelBasedTuner_DependsOnRunsAtATimeAndRunOrder(int concurrency, bool reproducible, string expected)
    {
        var judge = new Reproducibility(new ExperimentOptions { MaxConcurrentTrials = concurrency, Reproducible = reproducible }, new TpeTuner());

        (bool verdict, string line) = judge.Judge(StopReasons.NumSamples);

        Assert.Equal(expected, line);
        Assert.Equal(expected.StartsWith("Reproducible", StringComparison.Ordinal), verdict);
    }

    [Fact]
    public void Judge_RandomSearchInParallel_IsReproducibleWithoutRunOrder()
    {
        var judge = new Reproducibility(new ExperimentOptions { MaxConcurrentTrials = 4 }, new RandomTuner());

        Assert.Equal((true, "Reproducible: the random tuner's configurations do not depend on results."), judge.Judge(StopReasons.NumSamples));
    }

    [Fact]
    public void Judge_GridSearchWithAPrunerInParallel_IsNotReproducibleWithoutRunOrder()
    {
        var judge = new Reproducibility(new ExperimentOptions { MaxConcurrentTrials = 2, Pruner = new MedianPruner() }, new GridTuner());

        Assert.Equal((false, "Not reproducible: 2 runs ran at a time and the pruner compared each with the others as they happened to be; set reproducible to compare each with the same runs."), judge.Judge(StopReasons.Exhausted));
    }

    [Theory]
    [InlineData(StopReasons.TimeBudget, "Not reproducible: the time budget decided how many runs were made.")]
    [InlineData(StopReasons.Cancelled, "Not reproducible: it was cancelled before the end.")]
    public void Judge_StoppedByTimeOrByTheCaller_IsNotReproducibleEvenInRunOrder(string stopReason, string expected)
    {
        var judge = new Reproducibility(new ExperimentOptions { MaxConcurrentTrials = 2, Reproducible = true }, new TpeTuner());

        Assert.Equal((false, expected), judge.Judge(stopReason));
    }

    [Fact]
    public void Judge_ResumedAndNothingStartedNow_SaysItIsNotKnown()
    {
        var judge = new Reproducibility(new ExperimentOptions { MaxConcurrentTrials = 2, Reproducible = true }, new TpeTuner()) { ResumedTrials = 30 };

        Assert.Equal(
            (false, "Reproducibility not known: no run was made now; all 30 runs were stored earlier, and whether they were reproducible was said when they ran."),
            judge.Judge(StopReasons.NumSamples, started: 0));
        Assert.Equal((false, "Not reproducible: it continued from 30 runs stored earlier, so the later runs depend on where those stopped."), judge.Judge(StopReasons.NumSamples, started: 2));
    }

    [Fact]
    public void Judge_OtherWorkersAndResumedTrials_OtherWorkersAreNamedFirst()
    {
        var judge = new Reproducibility(new ExperimentOptions { Reproducible = true }, new TpeTuner()) { ResumedTrials = 4 };
        Assert.Equal((false, "Not reproducible: it continued from 4 runs stored earlier, so the later runs depend on where those stopped."), judge.Judge(StopReasons.NumSamples));

        judge.OtherWorkers = true;
        Assert.Equal((false, "Not reproducible: other workers ran trials of this experiment at the same time."), judge.Judge(StopReasons.NumSamples));
    }

    [Fact]
    public async Task RunAsync_TimeBudgetStopsIt_ResultSaysNotReproducible()
    {
        var clock = new FakeTimeProvider();
        ExperimentResult result = await new Experiment(Space, _ => { clock.Advance(TimeSpan.FromSeconds(1)); return 1.0; }, new ExperimentOptions
        {
            Tuner = new TpeTuner(), Seed = 1, TimeBudget = TimeSpan.FromSeconds(3), Reproducible = true, MaxConcurrentTrials = 2, TimeProvider = clock,
        }).RunAsync();

        Assert.Equal("time_budget", result.Metadata["stop_reason"]);
        Assert.Equal(false, result.Metadata["reproducible"]);
        Assert.Equal("Not reproducible: the time budget decided how many runs were made.", result.Metadata["reproducibility"]);
    }

    [Fact]
    public async Task RunAsync_RunTimesOut_ResultSaysNotReproducible()
    {
        ExperimentResult result = await new Experiment(Space, async (p, ct) => { await Task.Delay((double)p["x"]! < 0.5 ? 1000 : 0, ct); return 1.0; }, new ExperimentOptions
        {
            Tuner = new RandomTuner(), Seed = 1, NumSamples = 6, TrialTimeout = TimeSpan.FromMilliseconds(50),
        }).RunAsync();

        Assert.Contains(result.RunResults, r => r.Status == RunStatus.Failed);
        Assert.Equal("Not reproducible: a run timed out, and when that happens depends on the machine.", result.Metadata["reproducibility"]);
    }

    [Fact]
    public async Task RunAsync_ResumedFromAStorage_ResultSaysItContinuedFromStoredTrials()
    {
        using var storage = new InMemoryExperimentStorage();
        ExperimentOptions Options(int samples) => new() { Name = "resumed", Storage = storage, Tuner = new TpeTuner(), Seed = 3, NumSamples = samples };
        ExperimentResult first = await new Experiment(Space, p => (double)p["x"]!, Options(3)).RunAsync();

        ExperimentResult resumed = await new Experiment(Space, p => (double)p["x"]!, Options(5)).RunAsync();

        Assert.Equal(true, first.Metadata["reproducible"]);
        Assert.Equal(5, resumed.Count);
        Assert.Equal("Not reproducible: it continued from 3 runs stored earlier, so the later runs depend on where those stopped.", resumed.Metadata["reproducibility"]);
    }

    [Fact]
    public async Task RunAsync_TwoWorkersOnOneStorage_ResultsSayNotReproducible()
    {
        using var storage = new InMemoryExperimentStorage();
        Experiment Worker(string id) => new(Space, async (p, ct) => { await Task.Delay(5, ct); return (double)p["x"]!; }, new ExperimentOptions
        {
            Name = "shared", Storage = storage, Tuner = new TpeTuner(), Seed = 3, NumSamples = 40, WorkerId = id, Reproducible = true,
        });
        Experiment first = Worker("w1"), second = Worker("w2");

        ExperimentResult[] results = await Task.WhenAll(Task.Run(() => first.RunAsync()), Task.Run(() => second.RunAsync()));

        Assert.All(results, r => Assert.Equal("Not reproducible: other workers ran trials of this experiment at the same time.", r.Metadata["reproducibility"]));
    }

    [Fact]
    public async Task RunAsync_ConfigurationEnqueuedWhileRunning_ResultSaysNotReproducible()
    {
        Experiment? experiment = null;
        experiment = new Experiment(Space, p =>
        {
            experiment!.Enqueue(new Dictionary<string, object?> { ["x"] = 0.5 });
            return 1.0;
        }, new ExperimentOptions { Tuner = new TpeTuner(), Seed = 3, NumSamples = 2 });

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal("Not reproducible: configurations were enqueued while it ran.", result.Metadata["reproducibility"]);
    }
}
