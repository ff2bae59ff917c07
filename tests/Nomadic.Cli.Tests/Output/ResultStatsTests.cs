using Nomadic.Cli.Output;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Output;

public sealed class ResultStatsTests
{
    [Fact]
    public void Of_Maximize_RanksCompletedRunsHighestFirstAndCounts()
    {
        var stats = ResultStats.Of(SampleResults.Create());

        Assert.Equal([1, 3, 0], stats.Ranked.Select(r => r.TrialNumber));
        Assert.Equal((4, 3, 1, 0), (stats.Count, stats.Completed, stats.Failed, stats.Pruned));
        Assert.Equal(0.7, stats.Median);
        Assert.Equal(1, stats.Best!.TrialNumber);
        Assert.Equal(0, stats.RankOf(stats.Result.RunResults[2]));
    }

    [Fact]
    public void Of_Minimize_RanksLowestFirstWithTiesToTheEarlierRun()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        RunResult Run(int trial, double score) => new RunResult(score, new Dictionary<string, object?> { ["x"] = 0.5 }).WithTrialInfo(trial, null, null, false);
        var result = new ExperimentResult(space, [Run(0, 3), Run(1, 1), Run(2, 1), Run(3, 2)]) { Direction = Direction.Minimize };

        var stats = ResultStats.Of(result);

        Assert.Equal([1, 2, 3, 0], stats.Ranked.Select(r => r.TrialNumber));
        Assert.Equal(1.5, stats.Median);
    }

    [Fact]
    public void Of_NoCompletedRun_HasNoBestAndNaNMedian()
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        var result = new ExperimentResult(space, [RunResult.Failed(new Dictionary<string, object?>(), "e")]);

        var stats = ResultStats.Of(result);

        Assert.Null(stats.Best);
        Assert.True(double.IsNaN(stats.Median));
    }
}
