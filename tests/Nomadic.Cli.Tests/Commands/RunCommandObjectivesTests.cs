using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Commands;

/// <summary><c>nomadic run</c> and <c>show</c> with objectives besides the score.</summary>
public sealed class RunCommandObjectivesTests : IDisposable
{
    // Score x; latency 10·x, except x = 2 which is slow: dominated by x = 3.
    private const string Script = """
        x="$1"
        if [ "$x" = 2 ]; then latency=100; else latency=$((x * 10)); fi
        echo "{\"score\": $x, \"metadata\": {\"latency_ms\": $latency}}"
        """;

    private const string Objectives = "objectives: [{name: latency_ms, direction: minimize}]";

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public async Task Run_CommandReportingAMetric_SavesObjectivesAndPrintsTheParetoFront()
    {
        string file = ExperimentFiles.Command(_temp, Script, Objectives);

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(0, outcome.ExitCode);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(_temp.Path, "out", "results.json"));
        Assert.Equal([new ObjectiveMetric("latency_ms", Direction.Minimize)], result.Objectives);
        Assert.Equal([1, 3], result.ParetoFront().Select(r => (int)r.Params["x"]!).Order());
        Assert.Contains("(maximize; also minimize latency_ms)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Pareto front: 2 of 3 runs (score (maximize), latency_ms (minimize))", outcome.Stdout, StringComparison.Ordinal);
    }

    [UnixFact]
    public Task Run_TpeWithObjectives_RunsAndPrintsTheParetoFront() => RunModelBasedTuner("tpe");

    [UnixFact]
    public Task Run_AutoWithObjectives_RunsAndPrintsTheParetoFront() => RunModelBasedTuner("auto");

    [UnixFact]
    public async Task Show_StoredExperimentResultFileAndJournal_PrintTheParetoFrontTable()
    {
        string file = ExperimentFiles.Command(_temp, Script, Objectives);
        File.WriteAllText(file, File.ReadAllText(file).TrimEnd() + "\n  journal: out/journal.jsonl\n");
        await CliRunner.RunAsync("run", file);

        CliOutcome fromFile = await CliRunner.RunAsync("show", Path.Combine(_temp.Path, "out", "results.json"));
        CliOutcome fromStorage = await CliRunner.RunAsync("show", "command", "--storage", Path.Combine(_temp.Path, "nomadic.db"));
        CliOutcome fromJournal = await CliRunner.RunAsync("show", Path.Combine(_temp.Path, "out", "journal.jsonl"));

        foreach (CliOutcome outcome in new[] { fromFile, fromStorage, fromJournal })
        {
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("Pareto front: 2 of 3 runs", outcome.Stdout, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^\s*run\s+score\s+latency_ms\s+params$", outcome.Stdout);
        }
    }

    [UnixFact]
    public async Task Run_ObjectivesChangedSinceStored_IsRefusedInOneLine()
    {
        string file = ExperimentFiles.Command(_temp, Script, Objectives);
        await CliRunner.RunAsync("run", file);
        File.WriteAllText(file, File.ReadAllText(file).Replace("minimize", "maximize", StringComparison.Ordinal));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("experiment 'command' exists with objectives latency_ms (minimize), not latency_ms (maximize)", outcome.Stderr, StringComparison.Ordinal);
        Assert.Single(outcome.Stderr.Trim().Split('\n'));
    }

    private async Task RunModelBasedTuner(string tuner)
    {
        string file = ExperimentFiles.Command(_temp, Script, Objectives);
        File.WriteAllText(file, File.ReadAllText(file).Replace("tuner: grid", $"tuner: {tuner}\nnum_samples: 3", StringComparison.Ordinal));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(0, outcome.ExitCode);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(_temp.Path, "out", "results.json"));
        Assert.Equal(tuner, result.Metadata["tuner"]);
        Assert.Equal([1, 3], result.ParetoFront().Select(r => (int)r.Params["x"]!).Order());
        Assert.Contains("Pareto front: 2 of 3 runs", outcome.Stdout, StringComparison.Ordinal);
    }
}
