using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class TrialTests
{
    [Fact]
    public void Report_IncreasingSteps_KeepsThemInOrder()
    {
        Trial trial = NewTrial();

        trial.Report(0, 0.5);
        trial.Report(2, 0.7);
        trial.Report(5, 0.9);

        Assert.Equal([new(0, 0.5), new(2, 0.7), new(5, 0.9)], trial.IntermediateValues);
    }

    [Fact]
    public void Report_SameStepAgain_ReplacesItsValue()
    {
        Trial trial = NewTrial();
        trial.Report(0, 0.5);
        trial.Report(1, 0.6);

        trial.Report(1, 0.65);
        trial.Report(0, 0.55);

        Assert.Equal([new(0, 0.55), new(1, 0.65)], trial.IntermediateValues);
    }

    [Fact]
    public void Report_EarlierStepNotReported_IsInsertedInStepOrder()
    {
        Trial trial = NewTrial();
        trial.Report(0, 1);
        trial.Report(4, 3);

        trial.Report(2, 2);

        Assert.Equal([0, 2, 4], trial.IntermediateValues.Select(v => v.Step));
    }

    [Fact]
    public void Report_NaN_ThrowsArgumentExceptionNamingTheStep()
    {
        Trial trial = NewTrial();

        var error = Assert.Throws<ArgumentException>(() => trial.Report(3, double.NaN));

        Assert.Equal("value", error.ParamName);
        Assert.Contains("NaN at step 3", error.Message, StringComparison.Ordinal);
        Assert.Empty(trial.IntermediateValues);
    }

    [Fact]
    public void Report_NegativeStep_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewTrial().Report(-1, 0.5));
    }

    [Fact]
    public void Report_Infinity_IsKept()
    {
        Trial trial = NewTrial();

        trial.Report(0, double.PositiveInfinity);

        Assert.Equal(double.PositiveInfinity, Assert.Single(trial.IntermediateValues).Value);
    }

    [Fact]
    public void IntermediateValues_SnapshotTakenEarlier_DoesNotChangeWithLaterReports()
    {
        Trial trial = NewTrial();
        trial.Report(0, 1);
        trial.Report(1, 2);
        IReadOnlyList<IntermediateValue> snapshot = trial.IntermediateValues;

        trial.Report(2, 3);
        trial.Report(1, 20);
        trial.Report(0, 10);

        Assert.Equal([new(0, 1), new(1, 2)], snapshot);
        Assert.Equal([new(0, 10), new(1, 20), new(2, 3)], trial.IntermediateValues);
    }

    [Fact]
    public void Report_FromManyThreads_KeepsEveryStepOnce()
    {
        Trial trial = NewTrial();

        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => trial.Report(i % 500, i % 500));

        Assert.Equal(Enumerable.Range(0, 500), trial.IntermediateValues.Select(v => v.Step));
        Assert.All(trial.IntermediateValues, v => Assert.Equal(v.Step, v.Value));
    }

    [Fact]
    public void ShouldPrune_NoPruner_IsFalse()
    {
        Trial trial = NewTrial();
        trial.Report(0, -1e9);

        Assert.False(trial.ShouldPrune());
    }

    [Fact]
    public void Tell_ReportedTrial_RecordsItsValuesWithTheRun()
    {
        using var experiment = new Experiment(new SearchSpace { ["x"] = Tune.Choice(1) }, _ => 0.0);
        Trial trial = experiment.Ask()!;
        trial.Report(0, 0.25);
        trial.Report(1, 0.5);

        RunResult run = experiment.Tell(trial, 0.75);

        Assert.Equal([new(0, 0.25), new(1, 0.5)], run.IntermediateValues);
        Assert.Equal(0.75, run.Score);
    }

    private static Trial NewTrial()
    {
        var experiment = new Experiment(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, _ => 0.0, new ExperimentOptions { NumSamples = 1, Seed = 1 });
        return experiment.Ask()!;
    }
}
