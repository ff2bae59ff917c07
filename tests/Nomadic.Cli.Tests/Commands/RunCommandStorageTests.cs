using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Tests.Commands;

/// <summary><c>nomadic run</c> keeping its runs in a storage: the default nomadic.db, resuming, changed files, bad URLs.</summary>
public sealed class RunCommandStorageTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Database => _temp.File("nomadic.db");

    [Fact]
    public async Task Run_DefaultStorage_KeepsTheRunsInNomadicDbBesideTheFile()
    {
        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Runs kept in ", outcome.Stdout, StringComparison.Ordinal);
        using var storage = new SqliteExperimentStorage(Database);
        ExperimentResult stored = storage.LoadResult("x2")!;
        Assert.Equal(5, stored.Count);
        Assert.Equal(Enumerable.Range(0, 5), stored.RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public async Task Run_SameFileAgain_ResumesWithNothingNewToRun()
    {
        string file = ExperimentFiles.Builtin(_temp, "\"output\": {\"results\": \"out/results.json\"}");
        await CliRunner.RunAsync("run", file);

        CliOutcome second = await CliRunner.RunAsync("run", file);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Resuming 'x2': 5 runs already stored in ", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("run 6/5", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^run \d+/\d+  trial ", second.Stdout);
        Assert.Equal(5, StoredTrials.Completed(Database, "x2").Count);
        Assert.Equal(5, ExperimentResult.Load(_temp.File("out/results.json")).Count);
    }

    [Fact]
    public async Task Run_StoredSettings_HoldTheParsedFileAndItsFolder()
    {
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp));

        using var storage = new SqliteExperimentStorage(Database);
        StoredExperiment experiment = storage.FindExperiment("x2")!;
        Assert.Equal(_temp.Path, experiment.Settings["base_directory"]);
        var file = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(experiment.Settings["experiment_file"]);
        Assert.Equal(5, file["num_samples"]);
        Assert.Equal("x2", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(file["objective"])["builtin"]);
    }

    [Fact]
    public async Task Run_SearchSpaceChanged_FailsWithTheStoragesErrorAndKeepsTheStoredRuns()
    {
        string file = ExperimentFiles.Builtin(_temp);
        await CliRunner.RunAsync("run", file);
        string before = Snapshot();
        ExperimentFiles.Builtin(_temp, "\"search_space\": {\"x\": {\"type\": \"uniform\", \"low\": 0, \"high\": 1}}");

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "experiment 'x2' exists with a different search space");
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Run_SearchSpaceChanged_NamesRemovingItAndAnotherNameAsTheWaysOut()
    {
        string file = ExperimentFiles.Builtin(_temp);
        await CliRunner.RunAsync("run", file);
        ExperimentFiles.Builtin(_temp, "\"search_space\": {\"x\": {\"type\": \"uniform\", \"low\": 0, \"high\": 1}}");

        CliOutcome refused = await CliRunner.RunAsync("run", file);
        CliOutcome renamed = await CliRunner.RunAsync("run", file, "--name", "x2-narrow");

        refused.AssertOneErrorLine(ExitCodes.Usage, "exists with a different search space", "`nomadic rm x2`", "`nomadic run --name <other name>`");
        Assert.Equal(0, renamed.ExitCode);
        Assert.Contains("Runs kept in ", renamed.Stdout, StringComparison.Ordinal);
        Assert.Contains(" as 'x2-narrow'.", renamed.Stdout, StringComparison.Ordinal);
        CliOutcome list = await CliRunner.RunAsync("ls", "--storage", _temp.File("nomadic.db"));
        Assert.Contains("x2-narrow", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DirectionChanged_FailsWithTheStoragesErrorAndKeepsTheStoredRuns()
    {
        string file = ExperimentFiles.Builtin(_temp);
        await CliRunner.RunAsync("run", file);
        string before = Snapshot();
        ExperimentFiles.Builtin(_temp, "\"direction\": \"maximize\"");

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "experiment 'x2' exists with direction minimize, not maximize");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Run_BudgetChanged_RunsTheNewBudgetAndNotesTheStoredFile()
    {
        string file = ExperimentFiles.Builtin(_temp);
        await CliRunner.RunAsync("run", file);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"num_samples\": 5", "\"num_samples\": 8", StringComparison.Ordinal));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("changed since 'x2' was stored", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("run 8/8", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(8, StoredTrials.Completed(Database, "x2").Count);
    }

    [Theory]
    [InlineData("--storage")]
    [InlineData("file")]
    public async Task Run_BadStorageUrl_ListsTheAcceptedFormsAndRunsNothing(string where)
    {
        string file = where == "file" ? ExperimentFiles.Builtin(_temp, "\"storage\": \"mysql://db\"") : ExperimentFiles.Builtin(_temp);
        string[] args = where == "file" ? ["run", file] : ["run", file, "--storage", "mysql://db"];

        CliOutcome outcome = await CliRunner.RunAsync(args);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "unrecognized storage \"mysql://db\"; expected sqlite:PATH", "or memory");
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Run_StorageInTheFile_IsResolvedAgainstTheFilesFolder()
    {
        string file = ExperimentFiles.Builtin(_temp, "\"storage\": \"sqlite:state/runs.db\"");

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(5, StoredTrials.Completed(_temp.File("state/runs.db"), "x2").Count);
        Assert.False(File.Exists(Database));
        using var storage = new SqliteExperimentStorage(_temp.File("state/runs.db"));
        var stored = (IReadOnlyDictionary<string, object?>)storage.FindExperiment("x2")!.Settings["experiment_file"]!;
        Assert.False(stored.ContainsKey("storage"), "the storage URL (it may hold a password) is kept with the experiment");
    }

    [Fact]
    public async Task Run_StorageOption_OverridesTheFile()
    {
        string file = ExperimentFiles.Builtin(_temp, "\"storage\": \"sqlite:state/runs.db\"");

        CliOutcome outcome = await CliRunner.RunAsync("run", file, "--storage", _temp.File("other.db"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(5, StoredTrials.Completed(_temp.File("other.db"), "x2").Count);
        Assert.False(File.Exists(_temp.File("state/runs.db")));
    }

    [Fact]
    public async Task Run_MemoryStorage_WritesNoDatabase()
    {
        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", "memory");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("5 runs: 5 completed", outcome.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [UnixFact]
    public async Task Run_Cancelled_ReleasesTheRunningTrialAndKeepsTheFinishedOnes()
    {
        string file = ExperimentFiles.Command(_temp, "if [ \"$1\" = 3 ]; then touch started; sleep 30; fi\necho \"$1\"");
        using var cancel = new CancellationTokenSource();
        Task<CliOutcome> run = CliRunner.RunAsync(cancel.Token, "run", file);
        for (int i = 0; i < 200 && !File.Exists(_temp.File("started")); i++)
        {
            await Task.Delay(50);
        }

        cancel.Cancel();
        CliOutcome outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExitCodes.Interrupted, outcome.ExitCode);
        using var storage = new SqliteExperimentStorage(Database);
        IReadOnlyList<StoredTrial> trials = StoredTrials.Of(storage, "command");
        Assert.Equal([TrialState.Completed, TrialState.Completed, TrialState.Abandoned], trials.Select(t => t.State));
        Assert.Equal(3, trials[2].Params["x"]);
    }

    [Fact]
    public async Task Run_WorkerIdOption_NamesTheStoredTrials()
    {
        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--worker-id", "laptop-1", "--lease-seconds", "5");

        Assert.Equal(0, outcome.ExitCode);
        Assert.All(StoredTrials.Completed(Database, "x2"), t => Assert.Equal("laptop-1", t.WorkerId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Run_LeaseNotPositive_FailsWithOneLine(string seconds)
    {
        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--lease-seconds", seconds);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "--lease-seconds must be a positive number");
    }

    private string Snapshot()
    {
        using var storage = new SqliteExperimentStorage(Database);
        return storage.LoadResult("x2")!.ToJson();
    }
}
