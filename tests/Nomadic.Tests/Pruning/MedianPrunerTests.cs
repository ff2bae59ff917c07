using Nomadic.Pruning;
using Nomadic.Results;
using static Nomadic.Tests.Pruning.PruningRuns;

namespace Nomadic.Tests.Pruning;

public class MedianPrunerTests
{
    // Five completed runs whose value at step s is q (s + 1) / 10 for q = 0.5 ... 0.9: the median at step s is 0.07 (s + 1).
    private static readonly RunResult[] Five = [.. new[] { 0.5, 0.6, 0.7, 0.8, 0.9 }.Select((q, i) => Completed(i, s => q * (s + 1) / 10))];

    [Fact]
    public void ShouldPrune_ClearlyWorseRun_PrunedAtItsFirstReport()
    {
        Assert.Equal(0, FirstPrunedStep(new MedianPruner(), s => 0.3 * (s + 1) / 10, Five));
    }

    [Fact]
    public void ShouldPrune_BetterRun_NeverPruned()
    {
        Assert.Null(FirstPrunedStep(new MedianPruner(), s => 0.75 * (s + 1) / 10, Five));
    }

    [Fact]
    public void ShouldPrune_RunThatStalls_PrunedAtTheStepTheMedianPassesItsBest()
    {
        // As good as the best run up to step 4 (0.45), then flat: the median 0.07 (s + 1) passes 0.45 at step 6.
        static double Stalling(int s) => s <= 4 ? 0.9 * (s + 1) / 10 : 0.2;

        Assert.Equal(6, FirstPrunedStep(new MedianPruner(), Stalling, Five));
    }

    [Fact]
    public void ShouldPrune_FewerCompletedRunsThanStartup_NeverPrunes()
    {
        RunResult[] four = Five[..4];
        RunResult[] fourAndOthers = [.. four, Finished(7, RunStatus.Pruned, s => 0.01, 2), Finished(8, RunStatus.Failed, s => 0.01, 2)];

        Assert.Null(FirstPrunedStep(new MedianPruner(), s => 0.01, fourAndOthers));
        Assert.Equal(0, FirstPrunedStep(new MedianPruner(new MedianPrunerOptions { StartupTrials = 4 }), s => 0.01, four));
    }

    [Fact]
    public void ShouldPrune_WarmupSteps_NoJudgementBeforeThem()
    {
        var pruner = new MedianPruner(new MedianPrunerOptions { WarmupSteps = 3 });

        Assert.Equal(3, FirstPrunedStep(pruner, s => 0.3 * (s + 1) / 10, Five));
    }

    [Fact]
    public void ShouldPrune_IntervalSteps_JudgesOnlyTheFirstReportOfEachInterval()
    {
        // Judged at steps 2, 5 and 8 only: the run that stalls (caught at step 6 otherwise) is caught at step 8.
        var pruner = new MedianPruner(new MedianPrunerOptions { WarmupSteps = 2, IntervalSteps = 3 });
        static double Stalling(int s) => s <= 4 ? 0.9 * (s + 1) / 10 : 0.2;

        Assert.Equal(8, FirstPrunedStep(pruner, Stalling, Five));
    }

    [Fact]
    public void ShouldPrune_IntervalWithSkippedSteps_JudgesTheFirstReportInsideTheNextInterval()
    {
        var pruner = new MedianPruner(new MedianPrunerOptions { IntervalSteps = 3 });
        IntermediateValue[] reports = [new(0, 0.01), new(4, 0.01)];

        Assert.True(pruner.ShouldPrune(Context(reports, Five)));
        Assert.False(pruner.ShouldPrune(Context([.. reports, new(5, 0.01)], Five)));
    }

    [Fact]
    public void ShouldPrune_PrunedRuns_DoNotLowerTheMedian()
    {
        RunResult[] withPruned = [.. Five, .. Enumerable.Range(10, 10).Select(i => Finished(i, RunStatus.Pruned, s => 0.001, 3))];

        Assert.Equal(0, FirstPrunedStep(new MedianPruner(), s => 0.6 * (s + 1) / 10, withPruned));
    }

    [Fact]
    public void ShouldPrune_FewerRunsAtTheStepThanMinTrials_DoesNotJudge()
    {
        RunResult[] runs = [.. Five, Completed(5, s => 0.95 * (s + 1) / 10, steps: 3)];
        static double Flat(int s) => 0.3;

        // Six runs reported steps 0 to 2, five the later ones; the median passes 0.3 at step 4.
        Assert.Equal(4, FirstPrunedStep(new MedianPruner(new MedianPrunerOptions { MinTrials = 5 }), Flat, runs));
        Assert.Null(FirstPrunedStep(new MedianPruner(new MedianPrunerOptions { MinTrials = 6 }), Flat, runs));
        Assert.Equal(0, FirstPrunedStep(new MedianPruner(new MedianPrunerOptions { MinTrials = 6 }), s => 0.01, runs));
    }

    [Fact]
    public void ShouldPrune_Minimize_PrunesTheRunWithTheHigherLoss()
    {
        RunResult[] losses = [.. new[] { 1.0, 2, 3, 4, 5 }.Select((q, i) => Completed(i, s => q / (s + 1)))];
        var pruner = new MedianPruner();

        Assert.Equal(0, FirstPrunedStep(pruner, s => 4.0 / (s + 1), losses, direction: Direction.Minimize));
        Assert.Null(FirstPrunedStep(pruner, s => 2.5 / (s + 1), losses, direction: Direction.Minimize));
    }

    [Fact]
    public void ShouldPrune_NoReportYet_IsFalse()
    {
        Assert.False(new MedianPruner().ShouldPrune(Context([], Five)));
    }

    [Fact]
    public void Constructor_Defaults_AreOptunas()
    {
        MedianPrunerOptions options = new MedianPruner().Options;

        Assert.Equal((5, 0, 1, 1), (options.StartupTrials, options.WarmupSteps, options.IntervalSteps, options.MinTrials));
    }

    [Theory]
    [InlineData(-1, 0, 1, 1, "MedianPrunerOptions.StartupTrials")]
    [InlineData(5, -1, 1, 1, "MedianPrunerOptions.WarmupSteps")]
    [InlineData(5, 0, 0, 1, "MedianPrunerOptions.IntervalSteps")]
    [InlineData(5, 0, 1, 0, "MedianPrunerOptions.MinTrials")]
    public void Constructor_SettingOutOfRange_ThrowsNamingIt(int startup, int warmup, int interval, int minTrials, string name)
    {
        var options = new MedianPrunerOptions { StartupTrials = startup, WarmupSteps = warmup, IntervalSteps = interval, MinTrials = minTrials };

        var error = Assert.Throws<ArgumentException>(() => new MedianPruner(options));

        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
    }
}
