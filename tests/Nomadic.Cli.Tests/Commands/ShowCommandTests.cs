using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Commands;

public sealed class ShowCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Show_ResultFile_ListsRunsBestFirstThenFailedWithTheirError()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", SampleResults.SaveJson(_temp));

        Assert.Equal(0, outcome.ExitCode);
        string[] rows = TableRows(outcome.Stdout);
        Assert.Equal(4, rows.Length);
        Assert.Matches(@"^\s+1\s+1\s+0\.9\s+best\s+completed\s+lr=0\.001 opt=adam$", rows[0]);
        Assert.Matches(@"^\s+2\s+3\s+0\.7\s+completed\s+lr=5e-4 opt=sgd$", rows[1]);
        Assert.Matches(@"^\s+3\s+0\s+0\.5\s+baseline\s+completed\s+lr=0\.01 opt=sgd$", rows[2]);
        Assert.Matches(@"^\s+-\s+2\s+-\s+failed\s+lr=0\.1 opt=adam\s+CommandFailedException: .*out of memory$", rows[3]);
    }

    [Fact]
    public async Task Show_ResultFile_PrintsBestRunAndSummary()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", SampleResults.SaveJson(_temp));

        Assert.Contains("Best run: run 1, score 0.9", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 runs: 3 completed, 1 failed; best score 0.9, median 0.7", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("First failure (run 2): CommandFailedException", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Journal_ShowsTheSameRunsAsTheResultFile()
    {
        CliOutcome fromJson = await CliRunner.RunAsync("show", SampleResults.SaveJson(_temp));
        CliOutcome fromJournal = await CliRunner.RunAsync("show", SampleResults.SaveJournal(_temp));

        Assert.Equal(0, fromJournal.ExitCode);
        Assert.Equal(TableRows(fromJson.Stdout), TableRows(fromJournal.Stdout));
    }

    [Fact]
    public async Task Show_JournalWithAFailedRunRunAgain_ShowsOnlyTheLaterRun()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", SampleResults.SaveJournalWithRetriedFailure(_temp));

        Assert.Equal(0, outcome.ExitCode);
        string[] rows = TableRows(outcome.Stdout);
        Assert.Equal(4, rows.Length);
        Assert.Matches(@"^\s+2\s+4\s+0\.8\s+completed\s+lr=0\.1 opt=adam$", rows[1]);
        Assert.DoesNotContain(rows, r => r.Contains("failed", StringComparison.Ordinal));
        Assert.Contains("4 runs: 4 completed, 0 failed; best score 0.9", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NoListedRunFailed_LeavesOutTheEmptyErrorColumn()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", SampleResults.SaveJson(_temp), "--top", "2");

        string header = outcome.Stdout.Split('\n')[1];
        Assert.Matches(@"^\s+rank\s+run\s+score\s+note\s+status\s+params$", header);
        Assert.All(TableRows(outcome.Stdout), r => Assert.Matches(@"completed\s+lr=\S+ opt=\w+$", r));
    }

    [Fact]
    public async Task Show_JournalWithoutRuns_SaysNoneYetWithoutAnEmptyTable()
    {
        string journal = _temp.File("empty.jsonl");
        Nomadic.Results.ExperimentResult sample = SampleResults.Create();
        using (Nomadic.Results.ResultsJournal.Open(journal, "demo", sample.Direction, sample.HpSearchSpace))
        {
        }

        CliOutcome outcome = await CliRunner.RunAsync("show", journal);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("Runs of demo (maximize): none yet\n\nBest run: none", outcome.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("rank", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Top_LimitsTheTableToTheBestRuns()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", SampleResults.SaveJson(_temp), "--top", "2");

        Assert.Contains("2 of 4, best first", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, TableRows(outcome.Stdout).Length);
    }

    [Fact]
    public async Task Show_MissingFile_PrintsOneErrorLineAndExitsTwo()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", _temp.File("none.json"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, "none.json: no such file");
    }

    [Fact]
    public async Task Show_StoredExperimentName_ShowsItsRunsFromTheStorage()
    {
        string database = _temp.File("nomadic.db");
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);

        CliOutcome outcome = await CliRunner.RunAsync("show", "x2", "--storage", database);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Runs of x2 (minimize): 5, best first", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(5, TableRows(outcome.Stdout).Length);
        Assert.Contains("5 runs: 5 completed, 0 failed", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownExperimentName_FailsWithOneLineNamingTheStoredOnes()
    {
        string database = _temp.File("nomadic.db");
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);

        CliOutcome outcome = await CliRunner.RunAsync("show", "x3", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{database}: no experiment named 'x3'; experiments there: x2");
    }

    [Fact]
    public async Task Show_NameWithoutStorageFile_SaysTheStorageIsMissing()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", "x2", "--storage", _temp.File("none.db"));

        outcome.AssertOneErrorLine(ExitCodes.Usage, "none.db: no such storage file");
    }

    [Fact]
    public async Task Show_MalformedJson_ReportsLineAndColumn()
    {
        string file = _temp.Write("broken.json", "{\n  \"run_results\": [\n    {,\n  ]\n}");

        CliOutcome outcome = await CliRunner.RunAsync("show", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "broken.json", "line 3");
    }

    [Fact]
    public async Task Show_NotAResult_SaysWhat()
    {
        string file = _temp.Write("other.json", "{\"name\": \"x\"}");

        CliOutcome outcome = await CliRunner.RunAsync("show", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "other.json: is not an experiment result");
    }

    [Fact]
    public async Task Show_NegativeTop_IsAUsageError()
    {
        CliOutcome outcome = await CliRunner.RunAsync("show", SampleResults.SaveJson(_temp), "--top", "-1");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "--top must be 0 or more");
    }

    private static string[] TableRows(string stdout) =>
        stdout.Split('\n').SkipWhile(l => !l.StartsWith("Runs of ", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Length > 0).ToArray();

    [Fact]
    public async Task Show_NameInAnEmptyStorageFile_FailsWithOneLineAndLeavesTheFileUnchanged()
    {
        string database = _temp.Write("store/nomadic.db", "");
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("show", "x2", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{database}: no experiment named 'x2'; it holds no experiment");
        before.AssertUnchanged();
    }

    [Fact]
    public async Task Show_StoredExperiment_LeavesTheDatabaseFileUnchanged()
    {
        string database = _temp.File("nomadic.db");
        Assert.Equal(0, (await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database)).ExitCode);
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("show", "x2", "--storage", database);

        Assert.Equal(0, outcome.ExitCode);
        before.AssertFileUnchanged();
    }

    [Fact]
    public async Task Show_StorageFileInsteadOfAName_SaysHowToNameItsExperiments()
    {
        string database = _temp.Write("store/nomadic.db", "");

        CliOutcome outcome = await CliRunner.RunAsync("show", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{database} is a SQLite storage, not a result file", $"--storage {database}");
    }
}
