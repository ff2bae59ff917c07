using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Testing;

/// <content>The tests of experiment summaries and lookups.</content>
public abstract partial class ExperimentStorageConformance
{
    /// <summary>An experiment is found by its id with its trial counts; an unknown id finds nothing.</summary>
    [Fact]
    public void FindExperiment_ById_FindsItWithItsCountsAndNullForAnUnknownId()
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("by-id"))).Id;
        Claim(id, "a");

        StoredExperiment found = Storage.FindExperiment(id)!;

        Assert.Equal(id, found.Id);
        Assert.Equal(1, found.TrialCounts[TrialState.Running]);
        Assert.Null(Storage.FindExperiment(long.MaxValue));
    }

    /// <summary>A summary counts the trials by state and names the best run in the experiment's direction, ties to the earliest.</summary>
    [Fact]
    public void ListExperimentSummaries_FinishedRuns_GiveCountsAndTheBestScoreInTheExperimentsDirection()
    {
        long high = Scored(Direction.Maximize, 0.5, 0.9, 0.9, 0.2);
        Dictionary<long, StoredExperimentSummary> summaries = Storage.ListExperimentSummaries().ToDictionary(s => s.Experiment.Id);
        Assert.Equal((0.9, 1), (summaries[high].BestScore, summaries[high].BestTrialNumber));
        Assert.Equal((4, 1, 1), (summaries[high].Experiment.TrialCounts[TrialState.Completed], summaries[high].Experiment.TrialCounts[TrialState.Failed], summaries[high].Experiment.TrialCounts[TrialState.Running]));
        if (!HoldsManyExperiments)
        {
            return;
        }

        long low = Scored(Direction.Minimize, 0.5, 0.1, 0.1, 0.7);
        long none = Storage.CreateOrOpenExperiment(Definition(UniqueName("none"))).Id;
        Claim(none, "a");

        summaries = Storage.ListExperimentSummaries().ToDictionary(s => s.Experiment.Id);

        Assert.Equal((0.1, 1), (summaries[low].BestScore, summaries[low].BestTrialNumber));
        Assert.Equal((null, null), (summaries[none].BestScore, summaries[none].BestTrialNumber));
        Assert.Equal(1, summaries[none].Experiment.TrialCounts[TrialState.Running]);
        RunResult best = Storage.LoadResult(summaries[low].Experiment.Name)!.BestRunResult;
        Assert.Equal((best.Score, best.TrialNumber), (summaries[low].BestScore!.Value, summaries[low].BestTrialNumber!.Value));
    }

    /// <summary>Summaries come in the order of <see cref="IExperimentStorage.ListExperiments"/>.</summary>
    [Fact]
    public void ListExperimentSummaries_ManyExperiments_KeepsTheOrderOfListExperiments()
    {
        long[] ids = [.. Enumerable.Range(0, HoldsManyExperiments ? 3 : 1).Select(i => Scored(Direction.Maximize, i))];

        List<long> listed = [.. Storage.ListExperiments().Select(e => e.Id).Where(ids.Contains)];
        List<long> summarized = [.. Storage.ListExperimentSummaries().Select(s => s.Experiment.Id).Where(ids.Contains)];

        Assert.Equal(ids, listed);
        Assert.Equal(listed, summarized);
    }

    /// <summary>After retries, releases and deletions the summaries' counts agree with the experiments' own.</summary>
    [Fact]
    public void ListExperimentSummaries_AfterRetriesReleasesAndDeletes_CountAsListExperimentsDoes()
    {
        long id = Scored(Direction.Minimize, 0.3, 0.2);
        long? deleted = HoldsManyExperiments ? Scored(Direction.Maximize, 0.1) : null;
        Assert.Equal(1, Storage.RetryFailedTrials(id));
        ClaimResult released = Claim(id, "released", "w2");
        Storage.ReleaseTrial(released.TrialId, "w2");
        if (deleted is long deletedId)
        {
            Assert.True(Storage.DeleteExperiment(Storage.ListExperiments().Single(e => e.Id == deletedId).Name));
        }

        StoredExperimentSummary summary = Storage.ListExperimentSummaries().Single(s => s.Experiment.Id == id);

        Assert.Equal(
            Storage.FindExperiment(id)!.TrialCounts.Where(c => c.Value > 0).OrderBy(c => c.Key),
            summary.Experiment.TrialCounts.Where(c => c.Value > 0).OrderBy(c => c.Key));
        Assert.Equal((2, 2, 1), (summary.Experiment.TrialCounts[TrialState.Completed], summary.Experiment.TrialCounts[TrialState.Abandoned], summary.Experiment.TrialCounts[TrialState.Running]));
        Assert.Equal((0.2, 1), (summary.BestScore, summary.BestTrialNumber));
        Assert.DoesNotContain(Storage.ListExperimentSummaries(), s => s.Experiment.Id == deleted);
    }

    // Completes one run per score in claim order, then adds a failed and a running trial.
    private long Scored(Direction direction, params double[] scores)
    {
        long id = Storage.CreateOrOpenExperiment(Definition(UniqueName("scored"), direction)).Id;
        for (int i = 0; i < scores.Length; i++)
        {
            ClaimResult claim = Claim(id, $"s{i}");
            Assert.True(Storage.FinishTrial(claim.TrialId, "w1", new RunResult(scores[i], new Dictionary<string, object?> { ["n"] = i })));
        }

        ClaimResult failed = Claim(id, "failed");
        Assert.True(Storage.FinishTrial(failed.TrialId, "w1", RunResult.Failed(new Dictionary<string, object?> { ["n"] = -1 }, "broken")));
        Claim(id, "running");
        return id;
    }
}
