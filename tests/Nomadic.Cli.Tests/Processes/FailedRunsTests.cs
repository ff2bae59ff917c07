using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Tests.Processes;

/// <summary><c>nomadic run</c> again after every run failed: the failed configurations run again unless <c>--keep-failed</c>.</summary>
[Collection(ProcessTests.Name)]
public sealed class FailedRunsTests : IDisposable
{
    private const string FailsUntilFixed = "if [ ! -f fixed ]; then echo 'connection refused' >&2; exit 1; fi\necho \"$1\"\n";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public async Task Run_AgainAfterTheCommandWasFixed_RunsTheFailedConfigurationsAndCompletesThem()
    {
        ExperimentFiles.Command(_temp, FailsUntilFixed);
        string file = _temp.Write("journaled.yaml", """
            name: command
            objective:
              command: [sh, objective.sh, "{x}"]
            search_space:
              x: [1, 2, 3]
            tuner: grid
            output:
              results: out/results.json
              journal: out/journal.jsonl
            """);
        CliOutcome failed = await RunAsync(file);
        _temp.Write("fixed", "");

        CliOutcome again = await RunAsync(file);
        CliOutcome once = await RunAsync(file);

        Assert.Equal(1, failed.ExitCode);
        Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
        Assert.Contains("Running the 3 failed runs again (--keep-failed keeps them).", again.Stdout, StringComparison.Ordinal);
        ExperimentResult results = ExperimentResult.Load(_temp.File("out/results.json"));
        Assert.Equal(3, results.Count);
        Assert.All(results.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal([3, 4, 5], results.RunResults.Select(r => r.TrialNumber));
        Assert.True(once.ExitCode == 0, once.Stdout + once.Stderr);
        Assert.DoesNotContain("failed runs again", once.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, ExperimentResult.Load(_temp.File("out/journal.jsonl")).RunResults.Count(r => r.Status == RunStatus.Completed));
        Assert.Equal(3, Trials().Count(t => t.State == TrialState.Abandoned));
    }

    [UnixFact]
    public async Task Run_AgainWithKeepFailed_LeavesTheFailedRunsAsTheyAre()
    {
        string file = ExperimentFiles.Command(_temp, FailsUntilFixed);
        await RunAsync(file);
        _temp.Write("fixed", "");

        CliOutcome kept = await RunAsync(file, "--keep-failed");

        Assert.Equal(1, kept.ExitCode);
        Assert.Contains("no run completed (3 failed)", kept.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, Trials().Count(t => t.State == TrialState.Failed));
        Assert.Equal(3, Trials().Count);
    }

    private IReadOnlyList<StoredTrial> Trials()
    {
        using var storage = new SqliteExperimentStorage(_temp.File("nomadic.db"));
        return StoredTrials.Of(storage, "command");
    }

    private async Task<CliOutcome> RunAsync(string file, params string[] options)
    {
        using CliProcess process = CliProcess.Start(_temp.Path, ["run", file, .. options]);
        return await process.WaitAsync(Patience);
    }
}
