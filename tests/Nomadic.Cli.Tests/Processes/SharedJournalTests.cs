using Nomadic.Cli.Tests.Support;
using Nomadic.Results;
using Nomadic.Testing;
using Nomadic.Storage;

namespace Nomadic.Cli.Tests.Processes;

/// <summary>Two <c>nomadic run</c> of one experiment file at the same time: one SQLite storage and one journal, each run in it once.</summary>
[Collection(ProcessTests.Name)]
public sealed class SharedJournalTests : IDisposable
{
    private const int GridSize = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _temp = new();

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
            Assert.Equal(stored.Select(t => (t.Number, (int)t.Params["x"]!)).Order(), JournalLines.Runs(journal).Order());

            using CliProcess resumed = CliProcess.Start(_temp.Path, "run", file);
            CliOutcome third = await resumed.WaitAsync(Patience);

            Assert.True(third.ExitCode == 0, third.Stdout + third.Stderr);
            Assert.Contains($"Resuming 'shared': {GridSize} runs already stored", third.Stdout, StringComparison.Ordinal);
            Assert.Equal(stored.Select(t => (t.Number, (int)t.Params["x"]!)).Order(), JournalLines.Runs(journal).Order());
            Assert.Equal(GridSize, ResultsJournal.Read(journal).Count);
            Assert.False(File.Exists(journal + ".lock"));
        }
    }
}
