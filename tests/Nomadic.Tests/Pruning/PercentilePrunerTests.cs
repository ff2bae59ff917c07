using Nomadic.Pruning;
using Nomadic.Results;
using static Nomadic.Tests.Pruning.PruningRuns;

namespace Nomadic.Tests.Pruning;

public class PercentilePrunerTests
{
    // Five completed runs worth 1 ... 5 at every step.
    private static readonly RunResult[] Five = [.. Enumerable.Range(1, 5).Select(q => Completed(q, s => q))];

    [Theory]
    [InlineData(25.0, 3.9, true)]
    [InlineData(25.0, 4.0, false)]
    [InlineData(50.0, 2.9, true)]
    [InlineData(50.0, 3.0, false)]
    [InlineData(10.0, 4.5, true)]
    [InlineData(10.0, 4.7, false)]
    public void ShouldPrune_Maximize_KeepsTheTopPercentileAtTheStep(double percentile, double value, bool pruned)
    {
        // Keeping the top 25 % cuts at the 75th percentile of 1..5, 4.0; the top 10 % at the 90th, 4.6 (interpolated).
        var pruner = new PercentilePruner(new PercentilePrunerOptions { Percentile = percentile });

        Assert.Equal(pruned, pruner.ShouldPrune(Context([new(0, value)], Five)));
    }

    [Theory]
    [InlineData(25.0, 2.5, true)]
    [InlineData(25.0, 2.0, false)]
    [InlineData(0.0, 1.01, true)]
    [InlineData(100.0, 5.0, false)]
    public void ShouldPrune_Minimize_KeepsTheBottomPercentileAtTheStep(double percentile, double value, bool pruned)
    {
        var pruner = new PercentilePruner(new PercentilePrunerOptions { Percentile = percentile });

        Assert.Equal(pruned, pruner.ShouldPrune(Context([new(0, value)], Five, Direction.Minimize)));
    }

    [Fact]
    public void ShouldPrune_InfiniteValuesAtTheStep_CompareWithoutNaN()
    {
        RunResult[] diverged = [.. Enumerable.Range(0, 5).Select(i => Completed(i, s => double.PositiveInfinity))];
        var pruner = new PercentilePruner();

        Assert.False(pruner.ShouldPrune(Context([new(0, 1e9)], diverged, Direction.Minimize)));
        Assert.True(pruner.ShouldPrune(Context([new(0, 1e9)], diverged, Direction.Maximize)));
    }

    [Fact]
    public void ShouldPrune_StepNoCompletedRunReported_DoesNotJudge()
    {
        Assert.False(new PercentilePruner().ShouldPrune(Context([new(0, 9), new(50, 0)], Five)));
    }

    [Fact]
    public void Constructor_Defaults_KeepTheTopQuarterAfterFiveRuns()
    {
        PercentilePrunerOptions options = new PercentilePruner().Options;

        Assert.Equal((25.0, 5, 0, 1, 1), (options.Percentile, options.StartupTrials, options.WarmupSteps, options.IntervalSteps, options.MinTrials));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Constructor_PercentileOutOfRange_ThrowsNamingIt(double percentile)
    {
        var error = Assert.Throws<ArgumentException>(() => new PercentilePruner(new PercentilePrunerOptions { Percentile = percentile }));

        Assert.StartsWith("PercentilePrunerOptions.Percentile must be between 0 and 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeWarmup_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new PercentilePruner(new PercentilePrunerOptions { WarmupSteps = -2 }));

        Assert.StartsWith("PercentilePrunerOptions.WarmupSteps", error.Message, StringComparison.Ordinal);
    }
}
