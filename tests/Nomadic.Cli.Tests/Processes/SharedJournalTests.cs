using System.Text.Json;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Cli.Tests.Processes;

/// <summary>Two <c>nomadic run</c> of one experiment file at the same time: one SQLite storage and one journal, each run in it once.</summary>
[Collection(ProcessTests.Name)]
public sealed class SharedJournalTests : IDisposable
{
    private const int GridSize = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public async Task Run_TwiceAtOnceOnOneExperimentFile_KeepsEveryStoredRunOnceInTheJournalAndResumes()
    {
        for (int round = 0; round < 3; round++)
        {
            string folder = $"round-{round}";
            string file = _temp.Write(Path.Combine(folder, "experiment.yaml"), $$"""
                name: shared
                objective:
                  command: [sh, -c, "echo {x}"]
                search_space:
                  x: {type: randint, low: 0, high: {{GridSize}}}
                tuner: grid
                direction: maximize
                max_concurrent_trials: 2
                output:
                  journal: out/journal.jsonl
                """);
            string journal = _temp.File(Path.Combine(folder, "out", "journal.jsonl"));
            using CliProcess first = CliProcess.Start(_temp.Path, "run", file, "--worker-id", "first");
            using CliProcess second = CliProcess.Start(_temp.Path, "run", file, "--worker-id", "second");

            CliOutcome[] outcomes = await Task.WhenAll(first.WaitAsync(Patience), second.WaitAsync(Patience));

            Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, o.Stdout + o.Stderr));
            IReadOnlyList<StoredTrial> stored = StoredTrials.Completed(_temp.File(Path.Combine(folder, "nomadic.db")), "shared");
            Assert.Equal(GridSize, stored.Count);
            Assert.Equal(stored.Select(t => (t.Number, (int)t.Params["x"]!)).Order(), JournalRuns(journal).Order());

            using CliProcess resumed = CliProcess.Start(_temp.Path, "run", file);
            CliOutcome third = await resumed.WaitAsync(Patience);

            Assert.True(third.ExitCode == 0, third.Stdout + third.Stderr);
            Assert.Contains($"Resuming 'shared': {GridSize} runs already stored", third.Stdout, StringComparison.Ordinal);
            Assert.Equal(stored.Select(t => (t.Number, (int)t.Params["x"]!)).Order(), JournalRuns(journal).Order());
            Assert.Equal(GridSize, ResultsJournal.Read(journal).Count);
            Assert.False(File.Exists(journal + ".lock"));
        }
    }

    // Every line after the header, each parsed on its own: a torn line fails here, a duplicated one shows twice.
    private static List<(int Number, int X)> JournalRuns(string journal)
    {
        string[] lines = File.ReadAllText(journal).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("{\"format\":\"nomadic.results_journal\"", lines[0], StringComparison.Ordinal);
        var runs = new List<(int, int)>();
        foreach (string line in lines[1..^1])
        {
            using JsonDocument run = JsonDocument.Parse(line);
            runs.Add((run.RootElement.GetProperty("trial_number").GetInt32(), run.RootElement.GetProperty("params").GetProperty("x").GetInt32()));
        }

        return runs;
    }
}
