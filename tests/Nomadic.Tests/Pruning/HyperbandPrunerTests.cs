using Nomadic.Pruning;
using Nomadic.Results;
using static Nomadic.Tests.Pruning.PruningRuns;

namespace Nomadic.Tests.Pruning;

public class HyperbandPrunerTests
{
    [Theory]
    [InlineData(1, 81, 3, 5)]
    [InlineData(1, 80, 3, 4)]
    [InlineData(1, 243, 3, 6)]
    [InlineData(2, 81, 3, 4)]
    [InlineData(1, 1, 3, 1)]
    [InlineData(1, 100, 10, 3)]
    public void BracketCount_IsFloorOfLogOfTheResourceRatioPlusOne(int minResource, int maxResource, int reductionFactor, int brackets)
    {
        var pruner = new HyperbandPruner(new HyperbandPrunerOptions { MinResource = minResource, MaxResource = maxResource, ReductionFactor = reductionFactor });

        Assert.Equal(brackets, pruner.BracketCount);
    }

    [Fact]
    public void BracketOf_NamedExperiment_MatchesOptunasAssignment()
    {
        // Optuna with study_name "hb", min_resource 1, max_resource 81, reduction_factor 3 (brackets of 81, 34, 15, 8 and
        // 5 shares): CRC-32 of "hb_<number>" modulo 143.
        int[] optuna = [0, 1, 0, 3, 0, 0, 0, 1, 1, 1, 1, 0, 3, 3, 0, 0, 0, 2, 0, 0];
        var pruner = new HyperbandPruner(new HyperbandPrunerOptions { MaxResource = 81 });

        Assert.Equal(optuna, Enumerable.Range(0, 20).Select(n => pruner.BracketOf("hb", n)!.Value));
    }

    [Fact]
    public void BracketOf_SameNumber_SameBracketInEveryInstance()
    {
        var first = new HyperbandPruner(new HyperbandPrunerOptions { MaxResource = 81 });
        var second = new HyperbandPruner(new HyperbandPrunerOptions { MaxResource = 81 });

        int?[] once = [.. Enumerable.Range(0, 200).Select(n => first.BracketOf(null, n))];

        Assert.Equal(once, Enumerable.Range(0, 200).Select(n => second.BracketOf(null, n)));
        Assert.Equal(once, Enumerable.Range(0, 200).Select(n => first.BracketOf(null, n)));
        Assert.Equal([0, 1, 2, 3, 4], once.Distinct().Order());
    }

    [Fact]
    public void BracketOf_ManyRuns_EarlyStoppingBracketsGetMoreRuns()
    {
        var pruner = new HyperbandPruner(new HyperbandPrunerOptions { MaxResource = 81 });

        int[] counts = new int[5];
        foreach (int n in Enumerable.Range(0, 14300))
        {
            counts[pruner.BracketOf("study", n)!.Value]++;
        }

        Assert.Equal(counts.OrderDescending(), counts);
        Assert.InRange(counts[0], 7000, 9200);
    }

    [Fact]
    public void ShouldPrune_RunsOfOtherBrackets_DoNotCompete()
    {
        // Unnamed experiment, resources 1 to 9, η = 3: runs 1 and 4 are in bracket 0 (rungs at steps 1, 3, 9); runs 0, 5, 6
        // and 13 in bracket 2 (one rung, at step 9); runs 2 and 3 in bracket 1.
        var pruner = new HyperbandPruner(new HyperbandPrunerOptions { MaxResource = 9 });
        RunResult[] finished = [Completed(4, s => 0.9), .. new[] { 0, 2, 3, 5, 6, 13 }.Select(n => Completed(n, s => 0.1))];

        Assert.Equal([0, 0, 2, 1, 1], new[] { 1, 4, 0, 2, 3 }.Select(n => pruner.BracketOf(null, n)!.Value));

        // Against run 4 only, 0.5 is not the best of two at rung 0; against all seven it would be the second best of eight.
        Assert.Equal(1, FirstPrunedStep(pruner, s => 0.5, finished, steps: 9, number: 1));
        Assert.Null(FirstPrunedStep(pruner, s => 0.5, finished, steps: 9, number: 0));
    }

    [Fact]
    public void ShouldPrune_AutoMaxResource_WaitsForACompletedRun()
    {
        var pruner = new HyperbandPruner();

        Assert.False(pruner.ShouldPrune(Context([new(5, 0.0)], [Finished(0, RunStatus.Pruned, s => 1, 27)])));
        Assert.Equal(0, pruner.BracketCount);

        pruner.ShouldPrune(Context([new(5, 0.0)], [Completed(0, s => 1, steps: 27)]));

        // Last step 26: the maximum resource is 27, so log₃ 27 + 1 = 4 brackets, kept afterwards.
        Assert.Equal(4, pruner.BracketCount);
        pruner.ShouldPrune(Context([new(5, 0.0)], [Completed(0, s => 1, steps: 300)]));
        Assert.Equal(4, pruner.BracketCount);
    }

    [Fact]
    public void Constructor_Defaults_AreOptunas()
    {
        HyperbandPrunerOptions options = new HyperbandPruner().Options;

        Assert.Equal((1, null, 3, 0), (options.MinResource, options.MaxResource, options.ReductionFactor, options.BootstrapCount));
    }

    [Theory]
    [InlineData(0, null, 3, 0, "HyperbandPrunerOptions.MinResource")]
    [InlineData(10, 9, 3, 0, "HyperbandPrunerOptions.MaxResource")]
    [InlineData(1, 9, 1, 0, "HyperbandPrunerOptions.ReductionFactor")]
    [InlineData(1, 9, 3, -1, "HyperbandPrunerOptions.BootstrapCount")]
    [InlineData(1, null, 3, 2, "HyperbandPrunerOptions.BootstrapCount")]
    public void Constructor_SettingOutOfRange_ThrowsNamingIt(int minResource, int? maxResource, int reductionFactor, int bootstrap, string name)
    {
        var options = new HyperbandPrunerOptions { MinResource = minResource, MaxResource = maxResource, ReductionFactor = reductionFactor, BootstrapCount = bootstrap };

        var error = Assert.Throws<ArgumentException>(() => new HyperbandPruner(options));

        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
    }
}
