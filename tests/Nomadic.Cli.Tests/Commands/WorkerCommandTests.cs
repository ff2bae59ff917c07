using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Commands;

public sealed class WorkerCommandTests : IDisposable
{
    private const string FailsUntilFixed = "if [ ! -f fixed ]; then echo 'connection refused' >&2; exit 1; fi\necho \"$1\"\n";
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Database => _temp.File("nomadic.db");

    [Fact]
    public async Task Worker_StoredExperiment_RebuildsItFromTheStorageAloneAndRunsItToTheEnd()
    {
        string file = ExperimentFiles.Builtin(_temp);
        using (var storage = new SqliteExperimentStorage(Database))
        {
            StoredTrials.Create(storage, file);
        }

        File.Delete(file);

        CliOutcome outcome = await CliRunner.RunAsync("worker", "x2", "--storage", Database, "--worker-id", "w1");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.StartsWith("Worker w1 joins 'x2' in ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("builtin x2 (minimize), random search over x; 5 runs; 0 runs already stored", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("run 5/5  #", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Worker w1 done: 5 runs here.", outcome.Stdout, StringComparison.Ordinal);
        IReadOnlyList<StoredTrial> completed = StoredTrials.Completed(Database, "x2");
        Assert.Equal(5, completed.Count);
        Assert.All(completed, t => Assert.Equal("w1", t.WorkerId));
    }

    [Fact]
    public async Task Worker_ExperimentFinishedByRun_HasNothingToDo()
    {
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp));

        CliOutcome outcome = await CliRunner.RunAsync("worker", "x2", "--storage", Database, "--max-concurrent", "3");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("5 runs already stored", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains(": 0 runs here.", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(5, StoredTrials.Completed(Database, "x2").Count);
    }

    [Fact]
    public async Task Worker_UnknownExperiment_FailsWithOneLineNamingTheStoredOnes()
    {
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp));

        CliOutcome outcome = await CliRunner.RunAsync("worker", "x3", "--storage", Database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{Database}: no experiment named 'x3'; experiments there: x2");
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public async Task Worker_MissingStorageFile_FailsWithOneLineAndCreatesNothing()
    {
        CliOutcome outcome = await CliRunner.RunAsync("worker", "x2", "--storage", Database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "nomadic.db: no such storage file");
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Worker_ExperimentNotCreatedByRun_SaysItHasNoExperimentFile()
    {
        using (var storage = new SqliteExperimentStorage(Database))
        {
            var space = new SearchSpace { ["x"] = Tune.Choice(1, 2) };
            storage.CreateOrOpenExperiment(new ExperimentDefinition("library", Direction.Maximize, space, new Dictionary<string, object?>()));
        }

        CliOutcome outcome = await CliRunner.RunAsync("worker", "library", "--storage", Database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "experiment 'library' holds no experiment file to run (it was not created by nomadic run)");
    }

    [Fact]
    public async Task Worker_MaxConcurrentBelowOne_FailsWithOneLine()
    {
        CliOutcome outcome = await CliRunner.RunAsync("worker", "x2", "--storage", Database, "--max-concurrent", "0");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "--max-concurrent must be at least 1");
    }

    [UnixFact]
    public async Task Worker_Cancelled_ReleasesItsRunningTrialAndExits130()
    {
        string file = ExperimentFiles.Command(_temp, "if [ \"$1\" = 2 ]; then touch started; sleep 30; fi\necho \"$1\"");
        using (var storage = new SqliteExperimentStorage(Database))
        {
            StoredTrials.Create(storage, file);
        }

        using var cancel = new CancellationTokenSource();
        Task<CliOutcome> worker = CliRunner.RunAsync(cancel.Token, "worker", "command", "--storage", Database);
        for (int i = 0; i < 200 && !File.Exists(_temp.File("started")); i++)
        {
            await Task.Delay(50);
        }

        cancel.Cancel();
        CliOutcome outcome = await worker.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExitCodes.Interrupted, outcome.ExitCode);
        Assert.Contains("interrupted: 1 run here.", outcome.Stdout, StringComparison.Ordinal);
        using var reader = new SqliteExperimentStorage(Database);
        Assert.Equal([TrialState.Completed, TrialState.Abandoned], StoredTrials.Of(reader, "command").Select(t => t.State));
    }

    [UnixFact]
    public async Task Worker_StoredFailedRuns_RunsTheirConfigurationsAgain()
    {
        string file = ExperimentFiles.Command(_temp, FailsUntilFixed);
        await CliRunner.RunAsync("run", file);
        _temp.Write("fixed", "");

        CliOutcome outcome = await CliRunner.RunAsync("worker", "command", "--storage", Database, "--worker-id", "w1");

        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        Assert.Contains("Running the 3 failed runs again (--keep-failed keeps them).", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Worker w1 done: 3 runs here.", outcome.Stdout, StringComparison.Ordinal);
        using var reader = new SqliteExperimentStorage(Database);
        IReadOnlyList<StoredTrial> trials = StoredTrials.Of(reader, "command");
        Assert.Equal(3, trials.Count(t => t.State == TrialState.Completed && t.WorkerId == "w1"));
        Assert.Equal(3, trials.Count(t => t.State == TrialState.Abandoned));
    }

    [UnixFact]
    public async Task Worker_KeepFailed_LeavesTheFailedRunsAsTheyAre()
    {
        string file = ExperimentFiles.Command(_temp, FailsUntilFixed);
        await CliRunner.RunAsync("run", file);
        _temp.Write("fixed", "");

        CliOutcome outcome = await CliRunner.RunAsync("worker", "command", "--storage", Database, "--keep-failed");

        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        Assert.DoesNotContain("failed runs again", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains(": 0 runs here.", outcome.Stdout, StringComparison.Ordinal);
        using var reader = new SqliteExperimentStorage(Database);
        Assert.All(StoredTrials.Of(reader, "command"), t => Assert.Equal(TrialState.Failed, t.State));
    }

    [Fact]
    public async Task Worker_LlmEndpointWhereNothingListens_StopsBeforeTheFirstRunNamingTheEndpoint()
    {
        string folder = _temp.CopyFrom(Repository.Example("llm"), "llm", Repository.IsExampleSource);
        string file = Path.Combine(folder, "experiment.yaml");
        string endpoint = $"http://127.0.0.1:{LoopbackModelServer.FreePort()}/v1";
        File.WriteAllText(file, File.ReadAllText(file).Replace("http://localhost:11434/v1", endpoint, StringComparison.Ordinal));
        string database = Path.Combine(folder, "nomadic.db");
        using (var storage = new SqliteExperimentStorage(database))
        {
            StoredTrials.Create(storage, file);
        }

        CliOutcome outcome = await CliRunner.RunAsync("worker", "llm", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"the model endpoint {endpoint} cannot be reached: ");
        Assert.Equal("", outcome.Stdout);
        using var reader = new SqliteExperimentStorage(database);
        Assert.Empty(StoredTrials.Of(reader, "llm"));
    }
}
