using Nomadic.Analysis;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Analysis;

public class ComparisonTests
{
    private static RunResult Run(double score, string key, double[]? values, bool baseline = false) =>
        new(score, new Dictionary<string, object?>(), values is null ? null : new Dictionary<string, object?> { [key] = values.ToList() }) { IsBaseline = baseline };

    private static ExperimentResult Result(params RunResult[] runs) => new(new SearchSpace(), runs);

    private static double[] Items(double shift, int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i => (i % 7 / 10.0) + shift + (random.NextDouble() * 0.01))];
    }

    [Fact]
    public void CompareBestToBaseline_ItemScores_WilcoxonAndBootstrap()
    {
        double[] best = Items(0.2, 40, 1);
        double[] baseline = Items(0.0, 40, 2);
        ExperimentResult result = Result(Run(best.Average(), "item_scores", best), Run(baseline.Average(), "item_scores", baseline, baseline: true));

        ConfigurationComparison c = result.CompareBestToBaseline();

        Assert.Equal(ComparisonData.ItemScores, c.Data);
        Assert.Equal(40, c.SampleSize);
        RankTestResult expected = WilcoxonSignedRank.Test(best, baseline);
        Assert.Equal(expected, c.Test);
        Assert.Equal(expected.PValue, c.AdjustedPValue);
        Assert.True(c.IsSignificant);
        Assert.NotNull(c.Interval);
        Assert.True(c.Interval!.Lower > 0);
        Assert.StartsWith("The best configuration is better than the baseline on 40 paired items: mean difference +0.2", c.Verdict, StringComparison.Ordinal);
        Assert.Contains("(95% bootstrap interval", c.Verdict, StringComparison.Ordinal);
        Assert.Contains("Wilcoxon signed-rank p = ", c.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBestToBaseline_SameSeed_SameInterval()
    {
        double[] best = Items(0.05, 20, 1);
        double[] baseline = Items(0.0, 20, 2);
        ExperimentResult result = Result(Run(1, "item_scores", best), Run(0, "item_scores", baseline, baseline: true));

        Assert.Equal(result.CompareBestToBaseline().Interval, result.CompareBestToBaseline(new ComparisonOptions { Seed = 0 }).Interval);
    }

    [Fact]
    public void CompareBestToBaseline_NoBaseline_SaysHowToDeclareOneInTheUsersWords()
    {
        ConfigurationComparison c = Result(Run(1, "item_scores", [1, 2]), Run(0, "item_scores", [0, 1])).CompareBestToBaseline();

        Assert.Null(c.Test);
        Assert.True(double.IsNaN(c.AdjustedPValue));
        Assert.Equal(
            "No baseline run to compare against: give the configuration in use today as the baseline, \"current_params\" in an experiment file or ExperimentOptions.CurrentParams in C#; it runs first.",
            c.Verdict);
    }

    [Fact]
    public void CompareBestToBaseline_IdenticalItems_NoTest()
    {
        ConfigurationComparison c = Result(Run(1, "item_scores", [1, 2, 3]), Run(0, "item_scores", [1, 2, 3], baseline: true)).CompareBestToBaseline();

        Assert.Null(c.Test);
        Assert.Equal(0.0, c.MeanDifference);
        Assert.Contains("identical", c.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBestToBaseline_OneItem_TooLittleData()
    {
        ConfigurationComparison c = Result(Run(1, "item_scores", [1]), Run(0, "item_scores", [0], baseline: true)).CompareBestToBaseline();

        Assert.Null(c.Test);
        Assert.Equal("Too little data: each run has a score for only 1 item.", c.Verdict);
    }

    [Fact]
    public void CompareBestToBaseline_SingleScores_TooLittleData()
    {
        ConfigurationComparison c = Result(Run(1, "x", null), Run(0, "x", null, baseline: true)).CompareBestToBaseline();

        Assert.Equal(ComparisonData.None, c.Data);
        Assert.Contains("one score per run cannot be tested", c.Verdict, StringComparison.Ordinal);
        Assert.Contains("A score per item in each run (\"item_scores\", as the rag and llm objectives record)", c.Verdict, StringComparison.Ordinal);
        Assert.Contains("(\"repeats\" above 1 in an experiment file, ExperimentOptions.Repeats in C#)", c.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBestToBaseline_RepeatedScores_MannWhitney()
    {
        double[] best = [0.9, 0.92, 0.91];
        double[] baseline = [0.7, 0.72, 0.69];
        ConfigurationComparison c = Result(Run(0.91, "score_values", best), Run(0.70, "score_values", baseline, baseline: true)).CompareBestToBaseline();

        Assert.Equal(ComparisonData.RepeatedScores, c.Data);
        Assert.Equal(MannWhitneyU.Test(best, baseline), c.Test);
        Assert.Null(c.Interval);
        Assert.False(c.IsSignificant);
        Assert.StartsWith("No significant difference from the baseline", c.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBest_BaselineAndRunnersUp_HolmAcrossTestsMade()
    {
        double[] best = Items(0.3, 30, 1);
        ExperimentResult result = Result(
            Run(0.9, "item_scores", best),
            Run(0.1, "item_scores", Items(0.0, 30, 2), baseline: true),
            Run(0.8, "item_scores", Items(0.28, 30, 3)),
            Run(0.7, "x", null));

        IReadOnlyList<ConfigurationComparison> c = result.CompareBest(new ComparisonOptions { RunnersUp = 4 });

        Assert.Equal(["baseline", "runner-up 1", "runner-up 2", "runner-up 3", "runner-up 4"], c.Select(x => x.Label));
        double[] holm = HolmCorrection.Adjust([.. c.Select(x => x.Test?.PValue ?? double.NaN)]);
        Assert.Equal(holm, c.Select(x => x.AdjustedPValue));
        Assert.Equal(3, c.Count(x => x.Test is not null));
        Assert.True(c[0].AdjustedPValue > c[0].Test!.PValue);
        Assert.Null(c[2].Test);
        Assert.Null(c[4].Other);
        Assert.StartsWith("Too little data", c[4].Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBestToRunnersUp_Minimize_BetterMeansLower()
    {
        double[] best = Items(0.0, 25, 1);
        double[] second = Items(0.5, 25, 2);
        var result = new ExperimentResult(new SearchSpace(), [Run(0.1, "item_scores", best), Run(0.6, "item_scores", second)]) { Direction = Direction.Minimize };

        ConfigurationComparison c = Assert.Single(result.CompareBestToRunnersUp(new ComparisonOptions { RunnersUp = 1 }));

        Assert.True(c.MeanDifference < 0);
        Assert.StartsWith("The best configuration is better than the runner-up 1", c.Verdict, StringComparison.Ordinal);
    }
}
