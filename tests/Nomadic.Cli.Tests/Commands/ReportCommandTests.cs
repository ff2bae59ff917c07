using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Report_ResultFile_WritesASelfContainedHtmlReport()
    {
        string target = _temp.File("out/report.html");

        CliOutcome outcome = await CliRunner.RunAsync("report", SampleResults.SaveJson(_temp), "-o", target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"Wrote the report of 4 runs to {target}\n", outcome.Stdout.ReplaceLineEndings("\n"));
        string html = File.ReadAllText(target);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Experiment report: demo", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"runs\"", html, StringComparison.Ordinal);
        Assert.Contains("out of memory", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_JournalWithAFailedRunRunAgain_ReportsOnlyTheLaterRun()
    {
        string target = _temp.File("report.html");

        CliOutcome outcome = await CliRunner.RunAsync("report", SampleResults.SaveJournalWithRetriedFailure(_temp), "-o", target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"Wrote the report of 4 runs to {target}\n", outcome.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("out of memory", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OneRun_SaysOneRun()
    {
        string results = _temp.File("one.json");
        Nomadic.Results.ExperimentResult sample = SampleResults.Create();
        new Nomadic.Results.ExperimentResult(sample.HpSearchSpace, sample.RunResults.Take(1), "one").Save(results);

        CliOutcome outcome = await CliRunner.RunAsync("report", results, "-o", _temp.File("one.html"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("Wrote the report of 1 run to ", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PlotsDir_WritesEveryPlotAsPngAndSvg()
    {
        string plots = _temp.File("plots");

        CliOutcome outcome = await CliRunner.RunAsync("report", SampleResults.SaveJson(_temp), "-o", _temp.File("report.html"), "--plots-dir", plots);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("plots as PNG and SVG to", outcome.Stdout, StringComparison.Ordinal);
        string[] png = Directory.GetFiles(plots, "*.png"), svg = Directory.GetFiles(plots, "*.svg");
        Assert.Equal(png.Length, svg.Length);
        Assert.Contains(Path.Combine(plots, "history.png"), png);
        Assert.Contains(Path.Combine(plots, "params-opt.svg"), svg);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(plots, "history.png"))[..4]);
    }

    [Fact]
    public async Task Report_StoredExperimentName_ReportsTheStoredRuns()
    {
        string database = _temp.File("nomadic.db");
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);
        string target = _temp.File("stored.html");

        CliOutcome outcome = await CliRunner.RunAsync("report", "x2", "--storage", database, "-o", target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Experiment report: x2", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MissingFile_PrintsOneErrorLineAndExitsTwo()
    {
        CliOutcome outcome = await CliRunner.RunAsync("report", _temp.File("none.json"), "-o", _temp.File("r.html"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, "none.json: no such file");
        Assert.False(File.Exists(_temp.File("r.html")));
    }

    [Fact]
    public async Task Report_UnknownExperimentName_FailsWithOneLine()
    {
        string database = _temp.File("nomadic.db");
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);

        CliOutcome outcome = await CliRunner.RunAsync("report", "nope", "--storage", database, "-o", _temp.File("r.html"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, "no experiment named 'nope'");
    }

    [Fact]
    public async Task Report_NameInAnEmptyStorageFile_FailsWithOneLineAndLeavesTheFileUnchanged()
    {
        string database = _temp.Write("store/nomadic.db", "");
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("report", "x2", "--storage", database, "-o", _temp.File("report.html"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{database}: no experiment named 'x2'; it holds no experiment");
        before.AssertUnchanged();
        Assert.False(File.Exists(_temp.File("report.html")));
    }
}
