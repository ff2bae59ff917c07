using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Testing;

/// <content>The tests every storage must pass.</content>
public abstract partial class ExperimentStorageConformance
{
    /// <summary>A new experiment is stored with its name, direction, search space and settings.</summary>
    [Fact]
    public void CreateOrOpenExperiment_New_StoresDefinition()
    {
        string name = UniqueName("create");
        StoredExperiment created = Storage.CreateOrOpenExperiment(Definition(name, Direction.Minimize));

        StoredExperiment found = Storage.FindExperiment(name)!;
        Assert.Equal(created.Id, found.Id);
        Assert.Equal(name, found.Name);
        Assert.Equal(Direction.Minimize, found.Direction);
        Assert.Equal(Space.ToJson(), found.SearchSpace.ToJson());
        Assert.Equal(10, found.Settings["num_samples"]);
        Assert.Equal("x2", ((IReadOnlyDictionary<string, object?>)found.Settings["objective"]!)["builtin"]);
    }

    /// <summary>Opening an experiment again by name gives the same experiment.</summary>
    [Fact]
    public void CreateOrOpenExperiment_Existing_ReturnsTheSameExperiment()
    {
        string name = UniqueName("reopen");
        long id = Storage.CreateOrOpenExperiment(Definition(name)).Id;

        Assert.Equal(id, Storage.CreateOrOpenExperiment(Definition(name)).Id);
    }

    /// <summary>Opening an experiment with another space or direction is refused, naming the experiment.</summary>
    [Fact]
    public void CreateOrOpenExperiment_OtherSpaceOrDirection_ThrowsNamingTheExperiment()
    {
        string name = UniqueName("mismatch");
        Storage.CreateOrOpenExperiment(Definition(name));

        var space = Assert.Throws<StorageException>(() => Storage.CreateOrOpenExperiment(Definition(name, space: new SearchSpace { ["x"] = Tune.Uniform(0, 1) })));
        var direction = Assert.Throws<StorageException>(() => Storage.CreateOrOpenExperiment(Definition(name, Direction.Minimize)));

        Assert.Contains($"'{name}' exists with a different search space", space.Message, StringComparison.Ordinal);
        Assert.Contains("direction maximize", direction.Message, StringComparison.Ordinal);
    }

    /// <summary>Deleting an experiment removes it and its trials and leaves the others.</summary>
    [Fact]
    public void ListAndDelete_RemoveTheExperimentWithItsTrials()
    {
        string keep = UniqueName("keep"), drop = UniqueName("drop");
        if (!HoldsManyExperiments)
        {
            keep = drop;
        }
        else
        {
            Storage.CreateOrOpenExperiment(Definition(keep));
        }

        long dropId = Storage.CreateOrOpenExperiment(Definition(drop)).Id;
        Claim(dropId, "k1");

        Assert.Contains(Storage.ListExperiments(), e => e.Name == keep);
        Assert.True(Storage.DeleteExperiment(drop));
        if (!HoldsManyExperiments)
        {
            Assert.Empty(Storage.ListExperiments());
            return;
        }

        Assert.False(Storage.DeleteExperiment(drop));
        Assert.Null(Storage.FindExperiment(drop));
        Assert.DoesNotContain(Storage.ListExperiments(), e => e.Name == drop);
        Assert.NotNull(Storage.FindExperiment(keep));
    }

    /// <summary>Trials of new keys are numbered from zero.</summary>
    [Fact]
    public void TryClaim_NewKeys_NumbersTrialsFromZero()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("numbers"))).Id;

        ClaimResult[] claims = [Claim(id, "a"), Claim(id, "b"), Claim(id, "c")];

        Assert.All(claims, c => Assert.Equal(ClaimStatus.Claimed, c.Status));
        Assert.Equal([0, 1, 2], claims.Select(c => c.Number));
        Assert.Equal(3, claims.Select(c => c.TrialId).Distinct().Count());
    }

    /// <summary>A key another worker holds or finished cannot be claimed.</summary>
    [Fact]
    public void TryClaim_KeyHeldOrFinished_IsTaken()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("taken"))).Id;
        ClaimResult first = Claim(id, "a");

        Assert.Equal(ClaimStatus.Taken, Claim(id, "a", "w2").Status);
        Assert.True(Storage.FinishTrial(first.TrialId, "w1", new RunResult(1.0, new Dictionary<string, object?>())));
        Assert.Equal(ClaimStatus.Taken, Claim(id, "a", "w2").Status);
    }

    /// <summary>A released trial is abandoned and its key can be claimed again.</summary>
    [Fact]
    public void TryClaim_AfterRelease_CanClaimTheKeyAgain()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("release"))).Id;
        ClaimResult first = Claim(id, "a");

        Storage.ReleaseTrial(first.TrialId, "w1");
        ClaimResult again = Claim(id, "a", "w2");

        Assert.Equal(ClaimStatus.Claimed, again.Status);
        Assert.Equal(1, again.Number);
        Assert.Equal(TrialState.Abandoned, Storage.ReadTrials(id, 0).Single(t => t.Id == first.TrialId).State);
    }

    /// <summary>Claims beyond the limit are refused; abandoned trials do not count towards it.</summary>
    [Fact]
    public void TryClaim_AtTheLimit_IsRefusedButAbandonedTrialsDoNotCount()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("limit"))).Id;
        ClaimResult a = Claim(id, "a", max: 2);
        Claim(id, "b", max: 2);

        Assert.Equal(ClaimStatus.LimitReached, Claim(id, "c", max: 2).Status);
        Storage.ReleaseTrial(a.TrialId, "w1");
        Assert.Equal(ClaimStatus.Claimed, Claim(id, "c", max: 2).Status);
    }

    /// <summary>Retrying failed trials abandons them and frees their keys and budget.</summary>
    [Fact]
    public void RetryFailedTrials_FailedTrials_BecomeAbandonedAndTheirKeysAndBudgetAreFreed()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("retry"))).Id;
        ClaimResult failed = Claim(id, "a", max: 3);
        ClaimResult completed = Claim(id, "b", max: 3);
        ClaimResult running = Claim(id, "c", max: 3);
        Assert.True(Storage.FinishTrial(failed.TrialId, "w1", RunResult.Failed(new Dictionary<string, object?>(), "endpoint down")));
        Assert.True(Storage.FinishTrial(completed.TrialId, "w1", new RunResult(1.0, new Dictionary<string, object?>())));
        long before = Storage.ReadTrials(id, 0).Max(t => t.Version);

        Assert.Equal(1, Storage.RetryFailedTrials(id));

        StoredTrial given = Assert.Single(Storage.ReadTrials(id, before));
        Assert.Equal((failed.TrialId, TrialState.Abandoned), (given.Id, given.State));
        Assert.Null(given.Run);
        IReadOnlyList<StoredTrial> all = Storage.ReadTrials(id, 0);
        Assert.Equal(TrialState.Completed, all.Single(t => t.Id == completed.TrialId).State);
        Assert.Equal(TrialState.Running, all.Single(t => t.Id == running.TrialId).State);
        ClaimResult again = Claim(id, "a", "w2", max: 3);
        Assert.Equal((ClaimStatus.Claimed, 3), (again.Status, again.Number));
        Assert.Equal(0, Storage.RetryFailedTrials(id));
    }

    /// <summary>A finished trial keeps its run with the types of its values, times and baseline flag.</summary>
    [Fact]
    public void FinishTrial_KeepsTheRunWithTypedValues()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("finish"))).Id;
        ClaimResult claim = Claim(id, "a", baseline: true);
        var started = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        var run = new RunResult(0.75, new Dictionary<string, object?> { ["opt"] = "adam", ["n"] = 3, ["lr"] = 0.01, ["k"] = "a" }, new Dictionary<string, object?> { ["tokens"] = 120, ["ratio"] = 1.0, ["ok"] = true, ["note"] = null })
        {
            StartedAt = started,
            Duration = TimeSpan.FromMilliseconds(1234.5),
        };

        Assert.True(Storage.FinishTrial(claim.TrialId, "w1", run));

        StoredTrial stored = Storage.ReadTrials(id, 0).Single();
        Assert.Equal(TrialState.Completed, stored.State);
        Assert.True(stored.IsBaseline);
        RunResult back = stored.Run!;
        Assert.Equal(0.75, back.Score);
        Assert.Equal(0, back.TrialNumber);
        Assert.True(back.IsBaseline);
        Assert.IsType<int>(back.Params["n"]);
        Assert.IsType<double>(back.Metadata["ratio"]);
        Assert.Equal(true, back.Metadata["ok"]);
        Assert.Null(back.Metadata["note"]);
        Assert.Equal(started, back.StartedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(1234.5), back.Duration);
    }

    /// <summary>A failed run keeps its status and error message.</summary>
    [Fact]
    public void FinishTrial_FailedRun_KeepsStatusAndError()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("failed"))).Id;
        ClaimResult claim = Claim(id, "a");

        Storage.FinishTrial(claim.TrialId, "w1", RunResult.Failed(new Dictionary<string, object?> { ["k"] = "a" }, "TimeoutException: slow"));

        StoredTrial stored = Storage.ReadTrials(id, 0).Single();
        Assert.Equal(TrialState.Failed, stored.State);
        Assert.Equal(RunStatus.Failed, stored.Run!.Status);
        Assert.Equal("TimeoutException: slow", stored.Run.Error);
        Assert.True(double.IsNaN(stored.Run.Score));
    }

    /// <summary>Only the claiming worker finishes a trial, and only once.</summary>
    [Fact]
    public void FinishTrial_OtherWorkerOrTwice_WritesNothing()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("owner"))).Id;
        ClaimResult claim = Claim(id, "a");
        var run = new RunResult(1.0, new Dictionary<string, object?>());

        Assert.False(Storage.FinishTrial(claim.TrialId, "intruder", run));
        Assert.True(Storage.FinishTrial(claim.TrialId, "w1", run));
        Assert.False(Storage.FinishTrial(claim.TrialId, "w1", new RunResult(2.0, new Dictionary<string, object?>())));
        Assert.Equal(1.0, Storage.ReadTrials(id, 0).Single().Run!.Score);
    }

    /// <summary>Expiring leases abandons only the trials whose lease has ended.</summary>
    [Fact]
    public void ExpireLeases_PastLease_AbandonsOnlyThoseTrials()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("expire"))).Id;
        ClaimResult stale = Claim(id, "a", lease: Now.AddSeconds(-5));
        ClaimResult fresh = Claim(id, "b", lease: Now.AddMinutes(5));

        Assert.Equal(1, Storage.ExpireLeases(id, Now));

        IReadOnlyList<StoredTrial> trials = Storage.ReadTrials(id, 0);
        Assert.Equal(TrialState.Abandoned, trials.Single(t => t.Id == stale.TrialId).State);
        Assert.Equal(TrialState.Running, trials.Single(t => t.Id == fresh.TrialId).State);
        Assert.False(Storage.FinishTrial(stale.TrialId, "w1", new RunResult(1.0, new Dictionary<string, object?>())));
    }

    /// <summary>Renewing leases extends only the renewing worker's leases.</summary>
    [Fact]
    public void RenewLeases_ExtendsTheWorkersLeases()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("renew"))).Id;
        ClaimResult mine = Claim(id, "a", lease: Now.AddSeconds(1));
        ClaimResult theirs = Claim(id, "b", "w2", lease: Now.AddSeconds(1));

        Assert.Equal(1, Storage.RenewLeases(id, [mine.TrialId, theirs.TrialId], "w1", Now.AddMinutes(10)));

        Assert.Equal(1, Storage.ExpireLeases(id, Now.AddSeconds(30)));
        Assert.Equal(TrialState.Running, Storage.ReadTrials(id, 0).Single(t => t.Id == mine.TrialId).State);
    }

    /// <summary>Reading after a version gives only the later changes, in order.</summary>
    [Fact]
    public void ReadTrials_AfterVersion_ReturnsOnlyLaterChangesInOrder()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("versions"))).Id;
        ClaimResult a = Claim(id, "a");
        Claim(id, "b");
        long seen = Storage.ReadTrials(id, 0).Max(t => t.Version);

        Storage.FinishTrial(a.TrialId, "w1", new RunResult(1.0, new Dictionary<string, object?>()));
        Claim(id, "c");

        IReadOnlyList<StoredTrial> changes = Storage.ReadTrials(id, seen);
        Assert.Equal(["a", "c"], changes.Select(t => (string)t.Params["k"]!));
        Assert.True(changes[0].Version < changes[1].Version);
        Assert.Empty(Storage.ReadTrials(id, changes[^1].Version));
    }

    /// <summary>Threads claiming the same keys at once claim each key exactly once.</summary>
    [Fact]
    public void TryClaim_ManyThreadsSameKeys_ClaimsEachKeyOnce()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("race"))).Id;
        var claimed = new System.Collections.Concurrent.ConcurrentBag<int>();

        Parallel.For(0, 8, worker =>
        {
            for (int k = 0; k < 40; k++)
            {
                if (Claim(id, $"key{k}", $"w{worker}").Status == ClaimStatus.Claimed)
                {
                    claimed.Add(k);
                }
            }
        });

        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 40), Storage.ReadTrials(id, 0).Select(t => t.Number).Order());
    }
}
