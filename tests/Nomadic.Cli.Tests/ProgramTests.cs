using System.Diagnostics;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;

namespace Nomadic.Cli.Tests;

/// <summary>The built command as a child process: real exit codes, real streams, real signals.</summary>
[Collection(ProcessTests.Name)]
public sealed class ProgramTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Main_QuickstartByRelativePath_RunsAndWritesResultsBesideTheFile()
    {
        _temp.CopyFrom(Repository.Example("quickstart"), "quickstart", Repository.IsExampleSource);

        (int code, string stdout, string stderr) = await RunAsync(Path.Combine("quickstart", "experiment.json"));

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Results written to: quickstart/out/results.json, quickstart/out/results.csv", stdout, StringComparison.Ordinal);
        Assert.Equal(60, ExperimentResult.Load(_temp.File("quickstart/out/results.json")).Count);
    }

    [Fact]
    public async Task Main_UnknownKey_PrintsOneLineOnStderrAndExitsTwo()
    {
        _temp.Write("bad.yaml", "objective: {builtin: x2}\nnum_samples: 3\nseeed: 4\n");

        (int code, string stdout, string stderr) = await RunAsync("bad.yaml");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: bad.yaml: line 3, column 1: unknown key \"seeed\" in the experiment; did you mean \"seed\"?\n", stderr);
    }

    [UnixFact]
    public async Task Main_Sigterm_StopsTheExperimentKeepsFinishedRunsAndExits130() => await SignalAsync("TERM");

    [UnixFact]
    public async Task Main_Sigint_StopsTheExperimentKeepsFinishedRunsAndExits130() => await SignalAsync("INT");

    [UnixFact]
    public async Task Main_SigintForwardedByTimeout_StillWritesTheFinishedRunsAndGivesTheRunningOneBack()
    {
        // `timeout` passes a signal it gets on to the command and then to its whole process group: two SIGINTs at once.
        await SignalAsync("INT", ["timeout", "600"]);

        using CliProcess again = CliProcess.Start(_temp.Path, "run", "experiment.yaml");
        CliOutcome outcome = await again.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        Assert.DoesNotContain("failed runs again", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, ExperimentResult.Load(_temp.File("out/results.json")).RunResults.Count(r => r.Status == RunStatus.Completed));
    }

    [UnixFact]
    public async Task Main_SecondSigintRightAfterTheFirst_StillWritesTheFinishedRunsAndExits130() => await SignalAsync("INT", times: 2);

    private async Task SignalAsync(string signal, string[]? wrapper = null, int times = 1)
    {
        string file = ExperimentFiles.Command(_temp, "if [ \"$1\" = 3 ] && [ ! -f started ]; then touch started; sleep 30; fi\necho \"$1\"");
        using CliProcess process = CliProcess.StartUnder(wrapper ?? [], _temp.Path, "run", file);
        for (int i = 0; i < 400 && !File.Exists(_temp.File("started")); i++)
        {
            await Task.Delay(50);
        }

        string once = $"kill -{signal} {process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        using (Process kill = Process.Start("sh", ["-c", string.Join("; sleep 0.1; ", Enumerable.Repeat(once, times))]))
        {
            await kill.WaitForExitAsync();
        }

        // Generous: the test assemblies run side by side, and a loaded machine slows the shutdown, not its outcome.
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(130, outcome.ExitCode);
        Assert.Contains("Interrupted: kept the 2 finished runs.", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(2, ExperimentResult.Load(_temp.File("out/results.json")).Count);
        using var storage = new SqliteExperimentStorage(_temp.File("nomadic.db"));
        IReadOnlyList<StoredTrial> trials = StoredTrials.Of(storage, "command");
        Assert.Equal(2, trials.Count(t => t.State == TrialState.Completed));
        Assert.DoesNotContain(trials, t => t.State is TrialState.Running or TrialState.Failed);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string experiment)
    {
        using CliProcess process = CliProcess.Start(_temp.Path, "run", experiment);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromSeconds(30));
        return (outcome.ExitCode, outcome.Stdout, outcome.Stderr);
    }
}
