using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Testing;
using Nomadic.Tests.Support;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

/// <summary>Experiments in separate processes with one <see cref="ExperimentOptions.JournalPath"/>: refused without a storage, shared with one.</summary>
public sealed class ExperimentJournalProcessesTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-journal-processes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Constructor_JournalOpenInAnotherProcessWithoutStorage_IsRefusedUntilThatProcessEnds()
    {
        string journal = Path.Combine(_directory, "runs.jsonl");
        using ExperimentProcess holder = ExperimentProcess.Start(journal, runs: 5, hold: true);
        await holder.WaitOpenAsync(Patience);

        using ExperimentProcess second = ExperimentProcess.Start(journal, runs: 5);
        (int code, _, string stderr) = await second.WaitAsync(Patience);
        var error = Assert.Throws<IOException>(() => new Experiment(Space(), p => (int)p["x"]!, new ExperimentOptions { JournalPath = journal }));

        Assert.Equal(3, code);
        Assert.Equal($"{journal}: another process has this results journal open; wait for it to end or choose another journal path", stderr.Trim());
        Assert.Equal(stderr.Trim(), error.Message);
        holder.Release();
        (int held, string stdout, _) = await holder.WaitAsync(Patience);
        Assert.Equal((0, "done 5"), (held, stdout.Trim()));
        using (var resumed = new Experiment(Space(), p => (int)p["x"]!, new ExperimentOptions { JournalPath = journal }))
        {
            Assert.Equal(5, resumed.Result.Count);
            Assert.True(File.Exists(journal + ".lock"));
        }

        Assert.Equal(Enumerable.Range(0, 5), JournalLines.Runs(journal).Select(r => r.Number).Order());
        Assert.False(File.Exists(journal + ".lock"));
    }

    [Fact]
    public async Task RunAsync_TwoProcessesWithOneStorageAndJournal_WriteEachRunOnceOnWholeLines()
    {
        const int Runs = 300;
        for (int round = 0; round < 3; round++)
        {
            string folder = Directory.CreateDirectory(Path.Combine(_directory, $"round-{round}")).FullName;
            string journal = Path.Combine(folder, "runs.jsonl");
            string storage = Path.Combine(folder, "nomadic.db");
            using ExperimentProcess first = ExperimentProcess.Start(journal, Runs, storage);
            using ExperimentProcess second = ExperimentProcess.Start(journal, Runs, storage);

            var outcomes = await Task.WhenAll(first.WaitAsync(Patience), second.WaitAsync(Patience));

            Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, o.Stdout + o.Stderr));
            List<(int Number, int X)> runs = JournalLines.Runs(journal);
            Assert.Equal(Enumerable.Range(0, Runs), runs.Select(r => r.Number).Order());
            Assert.Equal(Enumerable.Range(0, Runs), runs.Select(r => r.X).Order());
            Assert.Equal(Runs, ResultsJournal.Read(journal).Count);
            Assert.False(File.Exists(journal + ".lock"));
        }
    }

    private static SearchSpace Space() => new() { ["x"] = Tune.RandInt(0, 5) };
}
