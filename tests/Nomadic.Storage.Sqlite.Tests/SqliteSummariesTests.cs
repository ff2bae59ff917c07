using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage.Sqlite.Tests;

public sealed class SqliteSummariesTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ListExperimentSummaries_RunsFinishedThroughAnotherConnectionBetweenListings_CountsAndBestFollow()
    {
        string path = _folder.File("live.db");
        using var lister = new SqliteExperimentStorage(path);
        using var worker = new SqliteExperimentStorage(path);
        long id = worker.CreateOrOpenExperiment(Definition("live")).Id;
        long quiet = worker.CreateOrOpenExperiment(Definition("quiet")).Id;
        Finish(worker, id, "a", 0.2);
        Finish(worker, quiet, "q", 0.7);

        StoredExperimentSummary first = lister.ListExperimentSummaries().Single(s => s.Experiment.Id == id);
        Finish(worker, id, "b", 0.9);
        worker.TryClaim(Request(id, "c"));
        Dictionary<long, StoredExperimentSummary> second = lister.ListExperimentSummaries().ToDictionary(s => s.Experiment.Id);

        Assert.Equal((1, 0.2), (first.Experiment.TrialCounts[TrialState.Completed], first.BestScore));
        Assert.Equal((2, 1, 0.9, 1), (second[id].Experiment.TrialCounts[TrialState.Completed], second[id].Experiment.TrialCounts[TrialState.Running], second[id].BestScore, second[id].BestTrialNumber));
        Assert.Equal(0.7, second[quiet].BestScore);
    }

    [Fact]
    public void ListExperimentSummaries_ExperimentDeletedAndAnotherCreatedUnderItsId_ListsTheNewOne()
    {
        string path = _folder.File("reused.db");
        using var storage = new SqliteExperimentStorage(path);
        long id = storage.CreateOrOpenExperiment(Definition("before")).Id;
        Finish(storage, id, "a", 0.5);
        Assert.Equal("before", Assert.Single(storage.ListExperimentSummaries()).Experiment.Name);

        Assert.True(storage.DeleteExperiment("before"));
        long again = storage.CreateOrOpenExperiment(Definition("after")).Id;
        StoredExperimentSummary summary = Assert.Single(storage.ListExperimentSummaries());

        Assert.Equal(id, again);
        Assert.Equal(("after", (double?)null, 0), (summary.Experiment.Name, summary.BestScore, summary.Experiment.TrialCounts.GetValueOrDefault(TrialState.Completed)));
    }

    private static ExperimentDefinition Definition(string name) =>
        new(name, Direction.Maximize, new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, new Dictionary<string, object?>());

    private static ClaimRequest Request(long id, string key) =>
        new(id, key, new Dictionary<string, object?> { ["x"] = 0.5 }, false, "w", Now, Now.AddMinutes(1), null);

    private static void Finish(SqliteExperimentStorage storage, long id, string key, double score)
    {
        ClaimResult claim = storage.TryClaim(Request(id, key));
        Assert.True(storage.FinishTrial(claim.TrialId, "w", new RunResult(score, new Dictionary<string, object?> { ["x"] = 0.5 })));
    }
}
