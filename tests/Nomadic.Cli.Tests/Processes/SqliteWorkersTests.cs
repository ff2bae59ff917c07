using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Tests.Processes;

/// <summary>Two processes on one SQLite file: <c>nomadic run</c> creates the experiment and a <c>nomadic worker</c> joins it.</summary>
[Collection(ProcessTests.Name)]
public sealed class SqliteWorkersTests : IDisposable
{
    private const int GridSize = 80;
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public async Task RunAndWorker_OneSqliteFile_ShareTheGridAndRunEachConfigurationOnce()
    {
        string file = _temp.Write("experiment.yaml", $$"""
            name: shared
            objective:
              command: [sh, -c, "sleep 0.1; echo {x}"]
            search_space:
              x: {type: randint, low: 0, high: {{GridSize}}}
            tuner: grid
            direction: maximize
            max_concurrent_trials: 2
            output:
              results: out/results.json
            """);
        string database = _temp.File("nomadic.db");
        using CliProcess run = CliProcess.Start(_temp.Path, "run", file, "--worker-id", "runner");
        await Poll.UntilAsync(() => File.Exists(database) && Trials(database).Count > 0 ? "started" : null, TimeSpan.FromSeconds(30), "the run to start");

        using CliProcess worker = CliProcess.Start(_temp.Path, "worker", "shared", "--worker-id", "helper");
        CliOutcome joined = await worker.WaitAsync(TimeSpan.FromSeconds(60));
        CliOutcome created = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(joined.ExitCode == 0, joined.Stdout + joined.Stderr);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        Assert.StartsWith("Worker helper joins 'shared' in ", joined.Stdout, StringComparison.Ordinal);
        IReadOnlyList<StoredTrial> trials = Trials(database);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(Enumerable.Range(0, GridSize), trials.Select(t => (int)t.Params["x"]!).Order());
        Assert.Equal(Enumerable.Range(0, GridSize), trials.Select(t => t.Number).Order());
        Assert.Equal(["helper", "runner"], trials.Select(t => t.WorkerId).Distinct().Order());
        Assert.Equal(GridSize, ExperimentResult.Load(_temp.File("out/results.json")).Count);
    }

    private static IReadOnlyList<StoredTrial> Trials(string database)
    {
        using var storage = new SqliteExperimentStorage(database);
        return StoredTrials.Of(storage, "shared");
    }
}
