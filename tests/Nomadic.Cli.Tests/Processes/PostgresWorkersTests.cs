using Nomadic.Cli.Tests.Support;
using Npgsql;
using Nomadic.Storage;
using Nomadic.Storage.Postgres;

namespace Nomadic.Cli.Tests.Processes;

/// <summary>
/// Eight <c>nomadic worker</c> processes on one experiment in a real PostgreSQL server: they split a 500-point grid,
/// take over the runs of workers killed mid-run, and ride out a server restart.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class PostgresWorkersTests : IClassFixture<PostgresServer>, IDisposable
{
    private const int GridSize = 500;
    private const int Workers = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly PostgresServer _server;
    private readonly TemporaryDirectory _temp = new();
    private readonly List<CliProcess> _processes = [];

    public PostgresWorkersTests(PostgresServer server)
    {
        _server = server;
    }

    public void Dispose()
    {
        _processes.ForEach(p => p.Dispose());
        _temp.Dispose();
    }

    [Fact]
    public async Task Worker_EightProcessesOnAGrid_RunEachConfigurationExactlyOnce()
    {
        // Each run takes a little time, so every worker has started before the grid is finished.
        string storage = Create("builtin", QuickCommand);

        List<CliProcess> workers = StartWorkers(storage, "--lease-seconds", "5");
        CliOutcome[] outcomes = await WaitAllAsync(workers);

        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, o.Stdout + o.Stderr));
        IReadOnlyList<StoredTrial> trials = Trials(storage);
        AssertEachConfigurationCompletedOnce(trials);
        Assert.Equal(GridSize, trials.Count);
        Assert.True(trials.Select(t => t.WorkerId).Distinct().Count() >= 2, "a single worker ran the whole grid");
    }

    [UnixFact]
    public async Task Worker_TwoKilledMidRun_TheirRunsAreRunAgainByTheOthers()
    {
        // w0 and w1 never finish a run (each would take an hour), so every run the storage shows them holding is still
        // theirs when they are killed, however late the kill comes: the test needs no timing to know what they held.
        string storage = Create("killed", "objective: {command: [sh, -c, \"sleep ${RUN_SECONDS:-0.05}; echo {x}\"]}");
        List<CliProcess> workers = StartWorkers(storage, slowWorkers: 2, "--lease-seconds", "2");
        List<StoredTrial> held = await Poll.UntilAsync(() => HeldByBothSlowWorkers(storage), Patience, "60 completed runs and a run held by each of w0 and w1");

        workers[0].Kill();
        workers[1].Kill();
        CliOutcome[] survivors = await WaitAllAsync(workers.Skip(2));

        Assert.All(survivors, o => Assert.True(o.ExitCode == 0, o.Stdout + o.Stderr));
        IReadOnlyList<StoredTrial> final = Trials(storage);
        AssertEachConfigurationCompletedOnce(final);
        foreach (StoredTrial lost in held)
        {
            Assert.Equal(TrialState.Abandoned, final.Single(t => t.Id == lost.Id).State);
            StoredTrial rerun = final.Single(t => t.State == TrialState.Completed && Same(t, lost));
            Assert.DoesNotContain(rerun.WorkerId, new[] { "w0", "w1" });
        }
    }

    [UnixFact]
    public async Task Worker_ServerRestartedMidRun_WorkersReconnectAndFinish()
    {
        string storage = Create("restart", SleepingCommand);
        List<CliProcess> workers = StartWorkers(storage, "--lease-seconds", "10");
        await Poll.UntilAsync(() => Trials(storage).Count(t => t.State == TrialState.Completed) >= 100 ? "mid-run" : null, Patience, "100 completed runs");

        _server.Restart();
        CliOutcome[] outcomes = await WaitAllAsync(workers);

        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, o.Stdout + o.Stderr));
        IReadOnlyList<StoredTrial> trials = Trials(storage);
        AssertEachConfigurationCompletedOnce(trials);
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
    }

    [Fact]
    public async Task Ls_PostgresUrl_ListsTheExperimentWorkersAreOn()
    {
        var connection = new NpgsqlConnectionStringBuilder(Create("url", "objective: {builtin: x2}"));
        string url = $"postgresql://{connection.Username}@{connection.Host}:{connection.Port}/{connection.Database}";

        CliOutcome outcome = await CliRunner.RunAsync("ls", "--storage", url);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Matches(@"(?m)^\s+grid\s+minimize\s+0\s+0\s+0\s+-\s+\d{4}-", outcome.Stdout);
    }

    private const string QuickCommand = "objective: {command: [sh, -c, \"sleep 0.01; echo {x}\"]}";

    private const string SleepingCommand = "objective: {command: [sh, -c, \"sleep 0.05; echo {x}\"]}";

    // Creates the experiment in a new database, as nomadic run would, and returns the connection string.
    private string Create(string name, string objective)
    {
        string file = _temp.Write($"{name}.yaml", $"name: grid\n{objective}\nsearch_space:\n  x: {{type: randint, low: 0, high: {GridSize}}}\ntuner: grid\ndirection: minimize\n");
        string connectionString = _server.CreateDatabase("cli");
        using var storage = new PostgresExperimentStorage(connectionString);
        StoredTrials.Create(storage, file);
        return connectionString;
    }

    private List<CliProcess> StartWorkers(string storage, params string[] options) => StartWorkers(storage, 0, options);

    // The first slowWorkers workers run their objective with RUN_SECONDS=3600 in their environment.
    private List<CliProcess> StartWorkers(string storage, int slowWorkers, params string[] options)
    {
        List<CliProcess> workers = Enumerable.Range(0, Workers)
            .Select(i => CliProcess.StartUnder(
                i < slowWorkers ? ["env", "RUN_SECONDS=3600"] : [],
                _temp.Path,
                ["worker", "grid", "--storage", storage, "--worker-id", $"w{i}", .. options]))
            .ToList();
        _processes.AddRange(workers);
        return workers;
    }

    private static async Task<CliOutcome[]> WaitAllAsync(IEnumerable<CliProcess> workers) =>
        await Task.WhenAll(workers.Select(w => w.WaitAsync(Patience)));

    private static IReadOnlyList<StoredTrial> Trials(string connectionString)
    {
        using var storage = new PostgresExperimentStorage(connectionString);
        return StoredTrials.Of(storage, "grid");
    }

    // The running trials of w0 and w1 once 60 runs are completed and each of the two holds one; null before.
    private static List<StoredTrial>? HeldByBothSlowWorkers(string storage)
    {
        IReadOnlyList<StoredTrial> trials = Trials(storage);
        List<StoredTrial> held = trials.Where(t => t.State == TrialState.Running && t.WorkerId is "w0" or "w1").ToList();
        bool midRun = trials.Count(t => t.State == TrialState.Completed) >= 60 && held.Select(t => t.WorkerId).Distinct().Count() == 2;
        return midRun ? held : null;
    }

    private static void AssertEachConfigurationCompletedOnce(IReadOnlyList<StoredTrial> trials)
    {
        List<StoredTrial> completed = trials.Where(t => t.State == TrialState.Completed).ToList();
        Assert.Equal(Enumerable.Range(0, GridSize), completed.Select(t => (int)t.Params["x"]!).Order());
        Assert.Equal(trials.Count, trials.Select(t => t.Number).Distinct().Count());
    }

    private static bool Same(StoredTrial a, StoredTrial b) => StoredTrials.Configuration(a) == StoredTrials.Configuration(b);
}
