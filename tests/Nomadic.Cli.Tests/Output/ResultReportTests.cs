using Nomadic.Cli.Output;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Output;

public sealed class ResultReportTests
{
    [Fact]
    public void TopRuns_EveryRunFailedWithABaseline_SaysNoRunCompletedAndListsTheBaseline()
    {
        string text = TopRuns([.. Enumerable.Range(0, 12).Select(i => Failed(i, RunStatus.Failed))]);

        Assert.StartsWith("No completed runs: all 12 failed\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Top 0", text, StringComparison.Ordinal);
        Assert.Contains("baseline", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TopRuns_FailedAndPrunedWithoutBaseline_CountsBoth()
    {
        string text = TopRuns([Failed(1, RunStatus.Failed), Failed(2, RunStatus.Pruned), Failed(3, RunStatus.Failed)]);

        Assert.Equal("No completed runs: 3 runs, 2 failed, 1 pruned.\n", text);
    }

    [Fact]
    public void TopRuns_SomeCompleted_TitlesTheTopRuns()
    {
        var run = new RunResult(0.5, new Dictionary<string, object?> { ["x"] = 0.1 }).WithTrialInfo(1, null, null, false);

        string text = TopRuns([run, Failed(2, RunStatus.Failed)]);

        Assert.StartsWith("Top 1 of 2 runs (maximize)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Best_BaselineWithoutPerItemScores_WordsTheVerdictAfterTheColonInLowerCase()
    {
        RunResult best = Scored(1, 0.9, null);
        RunResult baseline = Scored(0, 0.5, null);

        string line = BestLines(best, baseline).Single(l => l.StartsWith("Best vs baseline: ", StringComparison.Ordinal));

        Assert.StartsWith("Best vs baseline: too little data: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Best_BaselineFarBehindOnManyItems_WritesThePValueAsTheReportDoes()
    {
        double[] items = [.. Enumerable.Range(0, 30).Select(i => 0.5 + (i / 100.0))];
        RunResult best = Scored(1, 0.8, [.. items.Select(v => v + 0.3 + (v / 10))]);
        RunResult baseline = Scored(0, 0.6, items);

        string line = BestLines(best, baseline).Single(l => l.StartsWith("Best vs baseline: ", StringComparison.Ordinal));

        Assert.Equal("Best vs baseline: the best configuration is better than the baseline on 30 paired items: mean difference +0.3645 (95% bootstrap interval 0.3614 to 0.3675), Wilcoxon signed-rank p = 1.863e-9 ≤ α = 0.05.", line);
    }

    private static RunResult Scored(int number, double score, double[]? items) =>
        new RunResult(score, new Dictionary<string, object?> { ["x"] = number / 10.0 }, items is null ? null : new Dictionary<string, object?> { ["item_scores"] = items.Cast<object?>().ToList() })
            .WithTrialInfo(number, null, null, isBaseline: number == 0);

    private static string[] BestLines(params RunResult[] runs)
    {
        var text = new StringWriter();
        var result = new ExperimentResult(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, runs);
        ResultReport.Best(new OutputWriter(new CliConsole(text, TextWriter.Null, IsTerminal: false)), ResultStats.Of(result));
        return text.ToString().ReplaceLineEndings("\n").Split('\n');
    }

    private static RunResult Failed(int number, RunStatus status) =>
        new RunResult(double.NaN, new Dictionary<string, object?> { ["x"] = number / 100.0 }) { Status = status, Error = status == RunStatus.Failed ? "boom" : null }
            .WithTrialInfo(number, null, null, isBaseline: number == 0);

    private static string TopRuns(RunResult[] runs)
    {
        var text = new StringWriter();
        var result = new ExperimentResult(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, runs);
        ResultReport.TopRuns(new OutputWriter(new CliConsole(text, TextWriter.Null, IsTerminal: false)), ResultStats.Of(result), 10);
        return text.ToString().ReplaceLineEndings("\n");
    }
}
