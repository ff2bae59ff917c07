using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class ObjectiveTests
{
    private static readonly SearchSpace OneParam = new() { ["n"] = Tune.Choice(3) };

    [Fact]
    public async Task FromTrial_SynchronousScore_SeesTheTrialAndRecordsItsReports()
    {
        IObjective objective = Objective.FromTrial(trial =>
        {
            trial.Report(0, trial.Number);
            return (int)trial.Params["n"]! * 2.0;
        });

        RunResult run = await RunOnceAsync(objective);

        Assert.Equal(6.0, run.Score);
        Assert.Equal([new IntermediateValue(0, 0)], run.IntermediateValues);
    }

    [Fact]
    public async Task FromTrial_AsynchronousScore_ReceivesTheCancellationToken()
    {
        IObjective objective = Objective.FromTrial(async (trial, ct) =>
        {
            await Task.Delay(1, ct);
            trial.Report(4, 0.5);
            return ct.CanBeCanceled ? 1.0 : 0.0;
        });

        RunResult run = await RunOnceAsync(objective);

        Assert.Equal(1.0, run.Score);
        Assert.Equal(4, Assert.Single(run.IntermediateValues).Step);
    }

    [Fact]
    public async Task FromTrial_AsynchronousRunResult_KeepsMetadata()
    {
        IObjective objective = Objective.FromTrial((trial, ct) =>
            Task.FromResult(new RunResult(0.5, trial.Params, new Dictionary<string, object?> { ["trial"] = trial.Number })));

        RunResult run = await RunOnceAsync(objective);

        Assert.Equal((0.5, 0), (run.Score, run.Metadata["trial"]));
    }

    [Fact]
    public async Task FromTrial_OutcomeWithItsOwnIntermediateValues_KeepsThemWhenTheTrialReportedNone()
    {
        IObjective objective = Objective.FromTrial((trial, ct) =>
            Task.FromResult(new RunResult(0.5, trial.Params) { IntermediateValues = [new(0, 0.1), new(1, 0.5)] }));

        RunResult run = await RunOnceAsync(objective);

        Assert.Equal(2, run.IntermediateValues.Count);
    }

    [Fact]
    public async Task FromTrial_SynchronousWithTimeout_TimesOutLikeAnyBlockingObjective()
    {
        using var release = new ManualResetEventSlim();
        IObjective objective = Objective.FromTrial(trial =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return 1.0;
        });
        var options = new ExperimentOptions { TrialTimeout = TimeSpan.FromMilliseconds(100) };

        RunResult run = Assert.Single((await new Experiment(OneParam, objective, options).RunAsync()).RunResults);
        release.Set();

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("timed out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTrial_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Objective.FromTrial((Func<Trial, double>)null!));
        Assert.Throws<ArgumentNullException>(() => Objective.FromTrial((Func<Trial, CancellationToken, Task<double>>)null!));
        Assert.Throws<ArgumentNullException>(() => Objective.FromTrial((Func<Trial, CancellationToken, Task<RunResult>>)null!));
    }

    private static async Task<RunResult> RunOnceAsync(IObjective objective) =>
        Assert.Single((await new Experiment(OneParam, objective).RunAsync()).RunResults);
}
