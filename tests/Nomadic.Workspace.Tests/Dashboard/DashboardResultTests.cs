using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class DashboardResultTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TemporaryDirectory _folder = new();
    private readonly CountingStorage _storage;
    private readonly WorkspaceFactory _factory;

    public DashboardResultTests()
    {
        string path = _folder.File("nomadic.db");
        _storage = new CountingStorage(new SqliteExperimentStorage(path));
        _factory = new WorkspaceFactory(_storage, new SqliteWorkspaceStore(path));
    }

    [Fact]
    public async Task Experiment_FinishedAndRunningTrials_ReadsTheTrialsOnce()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(api, "live");
        ClaimResult done = Claim(id, "done", "sgd", 0.01);
        Assert.True(_storage.FinishTrial(done.TrialId, "w1", new RunResult(0.8, new Dictionary<string, object?> { ["optimizer"] = "sgd", ["lr"] = 0.01 }) { TrialNumber = 0 }));
        Claim(id, "busy", "adam", 0.0042);
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);
        _storage.Reset();

        string page = await browser.GetStringAsync($"/experiments/{id}");

        Assert.Equal(1, _storage[nameof(IExperimentStorage.ReadTrials)]);
        Assert.Contains("data-status=\"running\"", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"completed\"", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"stat\"><b>1</b>completed</div>", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"stat\"><b>1</b>running</div>", page, StringComparison.Ordinal);
        Assert.True(
            page.IndexOf(">completed</div>", StringComparison.Ordinal) < page.IndexOf(">running</div>", StringComparison.Ordinal),
            "finished runs are counted before the runs still going");
        Assert.Contains("Run 0: score <b>0.8</b>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Experiment_OpenedAgainWithoutChange_ReadsOnlyTrialsChangedSince()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(api, "settled");
        Finish(id, 0, "sgd", 0.01, 0.8);
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);
        string first = await browser.GetStringAsync($"/experiments/{id}");
        _storage.Reset();

        string second = await browser.GetStringAsync($"/experiments/{id}");

        Assert.Equal(1, _storage[nameof(IExperimentStorage.ReadTrials)]);
        Assert.True(_storage.LastAfterVersion > 0, "the second page asks only for trials changed since the first");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Experiment_RunFinishedBetweenRefreshes_ShowsTheRunAndTheNewBest()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(api, "live");
        Finish(id, 0, "sgd", 0.01, 0.8);
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);
        string before = await browser.GetStringAsync($"/experiments/{id}");
        Assert.Contains("Run 0: score <b>0.8</b>", before, StringComparison.Ordinal);

        Finish(id, 1, "adam", 0.0042, 0.95);
        string after = await browser.GetStringAsync($"/experiments/{id}");

        Assert.Contains("Run 1: score <b>0.95</b>", after, StringComparison.Ordinal);
        Assert.Contains("<div class=\"stat\"><b>2</b>completed</div>", after, StringComparison.Ordinal);
        Assert.Contains("0.0042", after, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _folder.Dispose();
    }

    private void Finish(long experimentId, int number, string optimizer, double lr, double score)
    {
        ClaimResult claim = Claim(experimentId, $"run-{number}", optimizer, lr);
        Assert.True(_storage.FinishTrial(claim.TrialId, "w1", new RunResult(score, new Dictionary<string, object?> { ["optimizer"] = optimizer, ["lr"] = lr }) { TrialNumber = claim.Number }));
    }

    private ClaimResult Claim(long experimentId, string key, string optimizer, double lr)
    {
        ClaimResult claim = _storage.TryClaim(new ClaimRequest(experimentId, key, new Dictionary<string, object?> { ["optimizer"] = optimizer, ["lr"] = lr }, false, "w1", Now, Now.AddHours(1), null));
        Assert.Equal(ClaimStatus.Claimed, claim.Status);
        return claim;
    }
}
