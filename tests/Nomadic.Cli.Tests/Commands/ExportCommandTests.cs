using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Commands;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Export_CsvToStdout_WritesTheLibrarysCsv()
    {
        CliOutcome outcome = await CliRunner.RunAsync("export", SampleResults.SaveJson(_temp), "--format", "csv");

        Assert.Equal(0, outcome.ExitCode);
        var expected = new StringWriter();
        SampleResults.Create().WriteCsv(expected);
        Assert.Equal(expected.ToString(), outcome.Stdout);
        Assert.StartsWith("score,param_lr,param_opt,run_result_metadata_epochs", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_JsonFromJournal_RoundTripsEveryRun()
    {
        CliOutcome outcome = await CliRunner.RunAsync("export", SampleResults.SaveJournal(_temp), "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        ExperimentResult result = ExperimentResult.FromJson(outcome.Stdout);
        Assert.Equal(4, result.Count);
        Assert.Equal(1, result.BestIndex);
        Assert.True(result.RunResults[0].IsBaseline);
        Assert.Equal(RunStatus.Failed, result.RunResults[2].Status);
    }

    [Theory]
    [InlineData("csv", "exported/runs.csv")]
    [InlineData("json", "exported/runs.json")]
    public async Task Export_OutputFile_WritesTheFileInstead(string format, string name)
    {
        string target = _temp.File(name);

        CliOutcome outcome = await CliRunner.RunAsync("export", SampleResults.SaveJson(_temp), "--format", format, "-o", target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"Wrote 4 runs to {target}\n", outcome.Stdout.ReplaceLineEndings("\n"));
        string text = File.ReadAllText(target);
        Assert.StartsWith(format == "csv" ? "score," : "{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError()
    {
        CliOutcome outcome = await CliRunner.RunAsync("export", SampleResults.SaveJson(_temp), "--format", "xml");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "'xml'", "'csv'", "'json'");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Export_StoredExperimentName_WritesTheStoredRuns(string format)
    {
        string database = _temp.File("nomadic.db");
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);

        CliOutcome outcome = await CliRunner.RunAsync("export", "x2", "--storage", database, "--format", format);

        Assert.Equal(0, outcome.ExitCode);
        using var storage = new Nomadic.Storage.Sqlite.SqliteExperimentStorage(database);
        ExperimentResult stored = Nomadic.Storage.ExperimentStorageExtensions.LoadResult(storage, "x2")!;
        var expected = new StringWriter();
        stored.WriteCsv(expected);
        Assert.Equal(format == "csv" ? expected.ToString() : stored.ToJson() + Environment.NewLine, outcome.Stdout);
    }

    [Fact]
    public async Task Export_UnknownExperimentName_FailsWithOneLine()
    {
        string database = _temp.File("nomadic.db");
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);

        CliOutcome outcome = await CliRunner.RunAsync("export", "nope", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "no experiment named 'nope'; experiments there: x2");
    }

    [Fact]
    public async Task Export_MissingFile_PrintsOneErrorLineAndExitsTwo()
    {
        CliOutcome outcome = await CliRunner.RunAsync("export", _temp.File("none.jsonl"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, "none.jsonl: no such file");
    }

    [Fact]
    public async Task Export_NameInAnEmptyStorageFile_FailsWithOneLineAndLeavesTheFileUnchanged()
    {
        string database = _temp.Write("store/nomadic.db", "");
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("export", "x2", "--storage", database, "-o", _temp.File("runs.csv"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{database}: no experiment named 'x2'; it holds no experiment");
        before.AssertUnchanged();
        Assert.False(File.Exists(_temp.File("runs.csv")));
    }

    [Fact]
    public async Task Export_StoredExperiment_LeavesTheDatabaseFileUnchanged()
    {
        string database = _temp.File("nomadic.db");
        Assert.Equal(0, (await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database)).ExitCode);
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("export", "x2", "--storage", database, "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        before.AssertFileUnchanged();
    }
}
