using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Tests.Storage;

public sealed class JournalExperimentStorageTests : ExperimentStorageConformance
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nomadic-journal-storage-").FullName;

    private string JournalPath => Path.Combine(_directory, "runs.jsonl");

    protected override bool HoldsManyExperiments => false;

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void CreateOrOpenExperiment_JournalWrittenEarlier_ReplaysItsRunsWithoutSupersededFailures()
    {
        var space = new SearchSpace { ["x"] = Tune.Choice(1, 2, 3) };
        using (ResultsJournal earlier = ResultsJournal.Open(JournalPath, "old", Direction.Maximize, space))
        {
            earlier.Append(RunResult.Failed(new Dictionary<string, object?> { ["x"] = 1 }, "down").WithTrialInfo(0, null, null, false));
            earlier.Append(new RunResult(2.0, new Dictionary<string, object?> { ["x"] = 2 }).WithTrialInfo(1, null, null, false));
            earlier.Append(new RunResult(1.0, new Dictionary<string, object?> { ["x"] = 1 }).WithTrialInfo(2, null, null, false));
        }

        File.AppendAllText(JournalPath, "{\"trial_number\":3,\"status\":\"compl");
        using var storage = new JournalExperimentStorage(JournalPath);

        long id = storage.CreateOrOpenExperiment(new ExperimentDefinition("old", Direction.Maximize, space, new Dictionary<string, object?>())).Id;

        IReadOnlyList<StoredTrial> trials = storage.ReadTrials(id, 0);
        Assert.Equal([(1, 2.0), (2, 1.0)], trials.Select(t => (t.Number, t.Run!.Score)));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        ClaimResult next = storage.TryClaim(new ClaimRequest(id, "{\"x\":3}", new Dictionary<string, object?> { ["x"] = 3 }, false, "w", Now, Now.AddMinutes(1), null));
        Assert.Equal((ClaimStatus.Claimed, 3), (next.Status, next.Number));
        Assert.Equal(4, File.ReadAllLines(JournalPath).Length);
    }

    [Fact]
    public void FinishTrial_Run_IsAppendedAndReplayedByTheNextStorage()
    {
        long id = Storage.CreateOrOpenExperiment(Definition("finish")).Id;
        ClaimResult claim = Claim(id, "a");

        Assert.True(Storage.FinishTrial(claim.TrialId, "w1", new RunResult(0.5, new Dictionary<string, object?> { ["opt"] = "adam", ["n"] = 3, ["lr"] = 0.01 })));
        Storage.Dispose();

        Assert.Equal([(0, 0.5)], ResultsJournal.Read(JournalPath).RunResults.Select(r => (r.TrialNumber, r.Score)));
        using var reopened = new JournalExperimentStorage(JournalPath);
        long again = reopened.CreateOrOpenExperiment(Definition("finish")).Id;
        Assert.Equal(0.5, Assert.Single(reopened.ReadTrials(again, 0)).Run!.Score);
    }

    [Fact]
    public void CreateOrOpenExperiment_AnotherName_ThrowsNamingTheJournal()
    {
        Storage.CreateOrOpenExperiment(Definition("first"));

        var error = Assert.Throws<StorageException>(() => Storage.CreateOrOpenExperiment(Definition("second")));

        Assert.Equal($"{JournalPath}: holds experiment 'first'; a results journal holds one experiment, choose another journal path for 'second'", error.Message);
    }

    [Fact]
    public void CreateOrOpenExperiment_JournalOpenInAnotherStorage_IsRefusedUntilItCloses()
    {
        Storage.CreateOrOpenExperiment(Definition("held"));
        using var second = new JournalExperimentStorage(JournalPath);

        var error = Assert.Throws<IOException>(() => second.CreateOrOpenExperiment(Definition("held")));
        Storage.Dispose();

        Assert.Equal($"{JournalPath}: another process has this results journal open; wait for it to end or choose another journal path", error.Message);
        Assert.NotNull(second.CreateOrOpenExperiment(Definition("held")));
    }

    [Fact]
    public void CreateOrOpenExperiment_JournalOfAnotherSpace_ThrowsResultFormatException()
    {
        using (ResultsJournal.Open(JournalPath, "x", Direction.Maximize, new SearchSpace { ["x"] = Tune.Uniform(0, 1) }))
        {
        }

        var error = Assert.Throws<ResultFormatException>(() => Storage.CreateOrOpenExperiment(Definition("x")));

        Assert.Contains("was written for a different search space or direction", error.Message, StringComparison.Ordinal);
    }

    protected override IExperimentStorage CreateStorage() => new JournalExperimentStorage(JournalPath);
}
