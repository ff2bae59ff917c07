using System.Text.Json;
using Microsoft.Data.Analysis;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Commands;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

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
    public async Task Export_JournalWithAFailedRunRunAgain_ExportsOnlyTheLaterRun()
    {
        CliOutcome outcome = await CliRunner.RunAsync("export", SampleResults.SaveJournalWithRetriedFailure(_temp), "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        ExperimentResult exported = ExperimentResult.FromJson(outcome.Stdout);
        Assert.Equal([0, 1, 3, 4], exported.RunResults.Select(r => r.TrialNumber));
        Assert.All(exported.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
    }

    [Fact]
    public async Task Export_CsvOfLlmRuns_HasRunDetailsAndNestedValuesAsJson()
    {
        string path = _temp.File("llm.json");
        LlmRuns().Save(path);

        CliOutcome outcome = await CliRunner.RunAsync("export", path, "--format", "csv");

        Assert.Equal(0, outcome.ExitCode);
        string[] header = outcome.Stdout.Split('\n')[0].Split(',');
        DataFrame table = DataFrame.LoadCsvFromString(outcome.Stdout, dataTypes: [.. header.Select(_ => typeof(string))]);
        Assert.Equal(
            ["score", "param_model", "run_result_metadata_item_scores", "run_result_metadata_example_outputs", "trial_number", "status", "error", "started_at", "duration_seconds"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(["0", "1"], table["trial_number"].Cast<string>());
        Assert.Equal(["completed", "failed"], table["status"].Cast<string>());
        Assert.Equal(["", "TimeoutException: no answer, after 30 s"], table["error"].Cast<string>());
        Assert.Equal(Started, DateTimeOffset.Parse((string)table["started_at"][0]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.25", table["duration_seconds"][0]);
        Assert.Equal("[1.0,0.5]", table["run_result_metadata_item_scores"][0]);
        using JsonDocument outputs = JsonDocument.Parse((string)table["run_result_metadata_example_outputs"][0]!);
        Assert.Equal("It's \"42\" — <b>sûr</b>", outputs.RootElement[0].GetProperty("output").GetString());
        Assert.DoesNotContain("'output'", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_JsonOfLlmRuns_HasTheRunDetailsOfTheCsv()
    {
        string path = _temp.File("llm.json");
        LlmRuns().Save(path);

        CliOutcome outcome = await CliRunner.RunAsync("export", path, "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using JsonDocument json = JsonDocument.Parse(outcome.Stdout);
        JsonElement[] runs = [.. json.RootElement.GetProperty("run_results").EnumerateArray()];
        Assert.Equal(0, runs[0].GetProperty("trial_number").GetInt32());
        Assert.Equal("completed", runs[0].GetProperty("status").GetString());
        Assert.Equal(Started, runs[0].GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(1.25, runs[0].GetProperty("duration_seconds").GetDouble());
        Assert.Equal("failed", runs[1].GetProperty("status").GetString());
        Assert.Equal("TimeoutException: no answer, after 30 s", runs[1].GetProperty("error").GetString());
        Assert.Equal("It's \"42\" — <b>sûr</b>", runs[0].GetProperty("metadata").GetProperty("example_outputs")[0].GetProperty("output").GetString());
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

        Assert.Equal("error: --format: 'xml' is not one of csv, json (see nomadic --help)", outcome.AssertOneErrorLine(ExitCodes.Usage));
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

    private static readonly DateTimeOffset Started = new(2026, 12, 7, 22, 30, 0, TimeSpan.Zero);

    private static ExperimentResult LlmRuns()
    {
        var outputs = new List<object?> { new Dictionary<string, object?> { ["id"] = "q1", ["output"] = "It's \"42\" — <b>sûr</b>", ["score"] = 1.0 } };
        var metadata = new Dictionary<string, object?> { ["item_scores"] = new List<object?> { 1.0, 0.5 }, ["example_outputs"] = outputs };
        var space = new SearchSpace { ["model"] = Tune.Choice("small", "large") };
        return new ExperimentResult(space,
        [
            new RunResult(0.75, new Dictionary<string, object?> { ["model"] = "small" }, metadata) { TrialNumber = 0, StartedAt = Started, Duration = TimeSpan.FromSeconds(1.25) },
            RunResult.Failed(new Dictionary<string, object?> { ["model"] = "large" }, "TimeoutException: no answer, after 30 s").WithTrialInfo(1, null, null, false),
        ]);
    }
}
