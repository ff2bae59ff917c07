using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public sealed class ExperimentJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-journal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_WithJournal_AppendsEveryFinishedRun()
    {
        string journal = Path.Combine(_directory, "runs.jsonl");
        var space = new SearchSpace { ["n"] = Tune.RandInt(0, 5) };

        ExperimentResult result = await new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { Name = "j", JournalPath = journal }).RunAsync();

        string[] lines = File.ReadAllLines(journal);
        Assert.Equal(6, lines.Length);
        ExperimentResult loaded = ExperimentResult.Load(journal);
        Assert.Equal("j", loaded.Name);
        Assert.Equal(result.RunResults.Select(r => r.Params["n"]), loaded.RunResults.Select(r => r.Params["n"]));
        Assert.Equal(4.0, loaded.BestRunResult.Score);
    }

    [Fact]
    public async Task RunAsync_ResumedFromJournal_KeepsFinishedRunsAndNeverRepeatsOne()
    {
        string journal = Path.Combine(_directory, "resume.jsonl");
        var space = new SearchSpace { ["a"] = Tune.Choice("x", "y", "z"), ["b"] = Tune.RandInt(0, 4) };
        var evaluated = new List<string>();
        using (var cancel = new CancellationTokenSource())
        {
            var first = new Experiment(space, p => Record(evaluated, p), new ExperimentOptions
            {
                JournalPath = journal,
                Tuner = new GridTuner(),
                CurrentParams = new Dictionary<string, object?> { ["a"] = "y", ["b"] = 2 },
                Progress = new CountingProgress(5, cancel),
            });
            ExperimentResult partial = await first.RunAsync(cancel.Token);
            Assert.Equal(5, partial.Count);
        }

        var second = new Experiment(space, p => Record(evaluated, p), new ExperimentOptions
        {
            JournalPath = journal,
            Tuner = new GridTuner(),
            CurrentParams = new Dictionary<string, object?> { ["a"] = "y", ["b"] = 2 },
        });
        ExperimentResult result = await second.RunAsync();

        Assert.Equal(12, result.Count);
        Assert.Equal(12, evaluated.Count);
        Assert.Equal(12, evaluated.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 12), result.RunResults.Select(r => r.TrialNumber));
        Assert.Single(result.RunResults, r => r.IsBaseline);
        Assert.Equal(12, ExperimentResult.Load(journal).Count);
    }

    [Fact]
    public async Task RunAsync_ResumedRandomSearch_SpendsOnlyTheRemainingBudget()
    {
        string journal = Path.Combine(_directory, "random.jsonl");
        var space = new SearchSpace { ["x"] = Tune.Uniform(0, 1) };
        using (var cancel = new CancellationTokenSource())
        {
            var options = new ExperimentOptions { JournalPath = journal, NumSamples = 10, Seed = 5, Progress = new CountingProgress(4, cancel) };
            await new Experiment(space, p => (double)p["x"]!, options).RunAsync(cancel.Token);
        }

        ExperimentResult result = await new Experiment(space, p => (double)p["x"]!, new ExperimentOptions { JournalPath = journal, NumSamples = 10, Seed = 5 }).RunAsync();

        Assert.Equal(10, result.Count);
        Assert.Equal(10, result.RunResults.Select(r => (double)r.Params["x"]!).Distinct().Count());
    }

    [Fact]
    public void Constructor_JournalOfAnotherSearchSpace_RefusesWithoutTouchingIt()
    {
        string journal = Path.Combine(_directory, "other.jsonl");
        using (ResultsJournal.Open(journal, "a", Direction.Maximize, new SearchSpace { ["n"] = Tune.Choice(1, 2) }))
        {
        }

        byte[] before = File.ReadAllBytes(journal);
        var error = Assert.Throws<ResultFormatException>(() =>
            new Experiment(new SearchSpace { ["n"] = Tune.Choice(1, 3) }, _ => 0.0, new ExperimentOptions { JournalPath = journal }));

        Assert.Contains("different search space", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(journal));
    }

    private static double Record(List<string> evaluated, IReadOnlyDictionary<string, object?> p)
    {
        lock (evaluated)
        {
            evaluated.Add($"{p["a"]}{p["b"]}");
        }

        return (int)p["b"]!;
    }

    [Fact]
    public async Task RunAsync_JournalPath_IsAJournalStorageOfThatFile()
    {
        string journal = Path.Combine(_directory, "shorthand.jsonl");
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2, 3) };

        ExperimentResult result = await new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { JournalPath = journal }).RunAsync();
        using var storage = new Nomadic.Storage.JournalExperimentStorage(journal);
        using var reopened = new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { Name = "any", Storage = storage });

        Assert.Equal(journal, result.Metadata["storage"]);
        Assert.Equal(3, reopened.Result.Count);
        Assert.Equal(result.RunResults.Select(r => (r.TrialNumber, r.Score)), reopened.Result.RunResults.Select(r => (r.TrialNumber, r.Score)));
    }

    [Fact]
    public async Task Constructor_StorageAndJournalHoldingRunsTheStorageLacks_ThrowsInsteadOfRunningThemAgain()
    {
        string journal = Path.Combine(_directory, "export.jsonl");
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2, 3) };
        await new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { Name = "e", JournalPath = journal }).RunAsync();
        using var storage = new Nomadic.Storage.InMemoryExperimentStorage();

        var error = Assert.Throws<ResultFormatException>(() => new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { Name = "e", Storage = storage, JournalPath = journal }));

        Assert.Equal($"{journal}: holds 3 runs that memory does not (written before the experiment was kept there, or for another storage); move the journal away to go on with the stored runs, or use the storage that holds them.", error.Message);
        Assert.Equal(3, ResultsJournal.Read(journal).Count);
        Assert.Null(storage.FindExperiment("e"));
    }

    [Fact]
    public async Task RunAsync_StorageAndJournal_ExportsRunsFinishedElsewhereToo()
    {
        string journal = Path.Combine(_directory, "export.jsonl");
        var space = new SearchSpace { ["n"] = Tune.Choice(1, 2, 3) };
        using var storage = new Nomadic.Storage.InMemoryExperimentStorage();
        using (var before = new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { Name = "e", Storage = storage, Tuner = new GridTuner() }))
        {
            before.Tell(before.Ask()!, 1.0);
        }

        ExperimentResult result = await new Experiment(space, p => (int)p["n"]!, new ExperimentOptions { Name = "e", Storage = storage, JournalPath = journal }).RunAsync();

        Assert.Equal(3, result.Count);
        Assert.Equal(result.RunResults.Select(r => r.TrialNumber), ResultsJournal.Read(journal).RunResults.Select(r => r.TrialNumber));
    }

    [Fact]
    public async Task RunAsync_AllowRepeatsWithJournal_EvaluatesTheSameConfigurationAgain()
    {
        string journal = Path.Combine(_directory, "repeats.jsonl");
        var space = new SearchSpace { ["c"] = Tune.Choice("x") };

        ExperimentResult result = await new Experiment(space, _ => 1.0, new ExperimentOptions { Tuner = new RandomTuner(), NumSamples = 4, AllowRepeats = true, Seed = 9, JournalPath = journal }).RunAsync();

        Assert.Equal(4, result.Count);
        Assert.Equal(4, ResultsJournal.Read(journal).Count);
    }

    private sealed class CountingProgress(int stopAfter, CancellationTokenSource cancel) : IProgress<RunResult>
    {
        private int _count;

        public void Report(RunResult value)
        {
            if (Interlocked.Increment(ref _count) == stopAfter)
            {
                cancel.Cancel();
            }
        }
    }
}
