using Nomadic.Pruning;
using Nomadic.Results;
using static Nomadic.Tests.Pruning.PruningRuns;

namespace Nomadic.Tests.Pruning;

public class SuccessiveHalvingPrunerTests
{
    // Runs that reached the first rung (step 1) with these values.
    private static readonly RunResult[] FiveAtRungZero = [.. new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }.Select((v, i) => CompletedAt(i, (0, 0), (1, v)))];

    [Fact]
    public void ShouldPrune_FirstRunToReachARung_IsPromoted()
    {
        Assert.Null(FirstPrunedStep(Asha(minResource: 1), s => 0.001, []));
    }

    [Theory]
    [InlineData(2, 0.35, false)] // 6 values, top 6/2 = 3 promoted: 0.35 is the third best
    [InlineData(2, 0.25, true)]  // fourth best
    [InlineData(4, 0.55, false)] // 6/4 = 1 promoted: only the best
    [InlineData(4, 0.45, true)]
    public void ShouldPrune_AtTheFirstRung_PromotesTheTopFraction(int reductionFactor, double value, bool pruned)
    {
        var pruner = Asha(minResource: 1, reductionFactor);

        Assert.Equal(pruned, pruner.ShouldPrune(Context([new(0, 0), new(1, value)], FiveAtRungZero)));
    }

    [Theory]
    [InlineData(0.15, false)] // third lowest of 6
    [InlineData(0.35, true)]  // fourth lowest
    public void ShouldPrune_Minimize_PromotesTheLowestFraction(double value, bool pruned)
    {
        var pruner = Asha(minResource: 1, reductionFactor: 2);

        Assert.Equal(pruned, pruner.ShouldPrune(Context([new(0, 0), new(1, value)], FiveAtRungZero, Direction.Minimize)));
    }

    [Theory]
    [InlineData(0.7, false)]
    [InlineData(0.5, true)]
    public void ShouldPrune_FewerRunsAtTheRungThanTheFactor_PromotesOnlyTheBestSoFar(double value, bool pruned)
    {
        RunResult[] two = [CompletedAt(0, (1, 0.3)), CompletedAt(1, (1, 0.6))];

        Assert.Equal(pruned, Asha(minResource: 1).ShouldPrune(Context([new(1, value)], two)));
    }

    [Fact]
    public void ShouldPrune_BetweenRungs_DoesNotJudgeAgain()
    {
        // η = 3: rungs at steps 1, 3 and 9. Best at step 1, worst from step 2 on: judged at step 3, not at step 2.
        RunResult[] steady = [.. Enumerable.Range(0, 4).Select(i => Completed(i, s => 0.5))];

        Assert.Equal(3, FirstPrunedStep(Asha(minResource: 1, reductionFactor: 3), s => s == 1 ? 1.0 : 0.0, steady));
    }

    [Fact]
    public void ShouldPrune_RunsThatSkippedARungStep_CompeteWithTheirFirstValuePastIt()
    {
        // The others reported steps 0, 2 and 5 only: rung 0 (step 1) holds their step-2 value 0.9, rung 1 (step 3) their
        // step-5 value 0.1.
        RunResult[] sparse = [.. Enumerable.Range(0, 3).Select(i => CompletedAt(i, (0, 0.0), (2, 0.9), (5, 0.1)))];
        var pruner = Asha(minResource: 1, reductionFactor: 3);

        Assert.Null(FirstPrunedStep(pruner, s => s == 1 ? 0.95 : 0.5, sparse, steps: 4));
        Assert.Equal(3, FirstPrunedStep(pruner, s => s == 1 ? 0.95 : 0.05, sparse, steps: 4));
        Assert.Equal(1, FirstPrunedStep(pruner, s => 0.8, sparse, steps: 4));
    }

    [Fact]
    public void ShouldPrune_MinEarlyStoppingRate_MovesTheFirstRung()
    {
        // η = 3, s = 1: rungs at steps 3 and 9.
        RunResult[] steady = [.. Enumerable.Range(0, 4).Select(i => Completed(i, s => 0.5))];
        var pruner = new SuccessiveHalvingPruner(new SuccessiveHalvingPrunerOptions { MinResource = 1, ReductionFactor = 3, MinEarlyStoppingRate = 1 });

        Assert.Equal(3, FirstPrunedStep(pruner, s => 0.0, steady));
    }

    [Fact]
    public void ShouldPrune_RunningTrials_CompeteAsynchronously()
    {
        RunningTrial[] running = [.. new[] { 0.9, 0.8, 0.7, 0.6 }.Select((v, i) => new RunningTrial(i, [new(0, 0), new(1, v), new(2, v)]))];
        PruningContext alone = Context([new(1, 0.5)], []);
        var withRunning = new PruningContext { TrialNumber = 9, IntermediateValues = [new(1, 0.5)], Direction = Direction.Maximize, RunningTrials = running };

        Assert.False(Asha(minResource: 1).ShouldPrune(alone));
        Assert.True(Asha(minResource: 1).ShouldPrune(withRunning));
    }

    [Fact]
    public void ShouldPrune_AutoMinResource_WaitsForACompletedRunThenUsesAHundredthOfItsSteps()
    {
        var pruner = new SuccessiveHalvingPruner();
        RunResult[] long400 = [Completed(0, s => 0.5, steps: 400)];
        RunResult[] long1000 = [Completed(0, s => 0.5, steps: 1000)];

        Assert.Null(FirstPrunedStep(pruner, s => 0.0, [Finished(0, RunStatus.Pruned, s => 0.5, 400)]));

        // Last step 399: min resource 3, so with η = 4 the rungs are at steps 3, 12 and 48; the estimate then stays.
        Assert.Equal(3, FirstPrunedStep(pruner, s => 0.0, long400));
        Assert.Equal(3, FirstPrunedStep(pruner, s => 0.0, long1000));
    }

    [Fact]
    public void ShouldPrune_BootstrapCount_PrunesUntilEnoughRunsReachedTheRung()
    {
        var pruner = new SuccessiveHalvingPruner(new SuccessiveHalvingPrunerOptions { MinResource = 1, BootstrapCount = 2 });

        Assert.True(pruner.ShouldPrune(Context([new(1, 1.0)], [CompletedAt(0, (1, 0.1))])));
        Assert.False(pruner.ShouldPrune(Context([new(1, 1.0)], [CompletedAt(0, (1, 0.1)), CompletedAt(1, (1, 0.2))])));
    }

    [Fact]
    public void Constructor_Defaults_AreOptunas()
    {
        SuccessiveHalvingPrunerOptions options = new SuccessiveHalvingPruner().Options;

        Assert.Equal((null, 4, 0, 0), (options.MinResource, options.ReductionFactor, options.MinEarlyStoppingRate, options.BootstrapCount));
    }

    [Theory]
    [InlineData(0, 4, 0, 0, "SuccessiveHalvingPrunerOptions.MinResource")]
    [InlineData(1, 1, 0, 0, "SuccessiveHalvingPrunerOptions.ReductionFactor")]
    [InlineData(1, 4, -1, 0, "SuccessiveHalvingPrunerOptions.MinEarlyStoppingRate")]
    [InlineData(1, 4, 0, -1, "SuccessiveHalvingPrunerOptions.BootstrapCount")]
    public void Constructor_SettingOutOfRange_ThrowsNamingIt(int minResource, int reductionFactor, int rate, int bootstrap, string name)
    {
        var options = new SuccessiveHalvingPrunerOptions { MinResource = minResource, ReductionFactor = reductionFactor, MinEarlyStoppingRate = rate, BootstrapCount = bootstrap };

        var error = Assert.Throws<ArgumentException>(() => new SuccessiveHalvingPruner(options));

        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BootstrapWithEstimatedMinResource_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SuccessiveHalvingPruner(new SuccessiveHalvingPrunerOptions { BootstrapCount = 1 }));

        Assert.Contains("needs a fixed MinResource", error.Message, StringComparison.Ordinal);
    }

    private static SuccessiveHalvingPruner Asha(int minResource, int reductionFactor = 4) =>
        new(new SuccessiveHalvingPrunerOptions { MinResource = minResource, ReductionFactor = reductionFactor });
}
