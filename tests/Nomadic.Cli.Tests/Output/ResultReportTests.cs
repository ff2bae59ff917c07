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
