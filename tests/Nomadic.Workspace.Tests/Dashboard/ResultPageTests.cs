using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class ResultPageTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task Render_Experiment_LinksToTheRunsAsCsvAndJson()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(api, "downloads");
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/experiments/{id}");

        Assert.Contains($"<a href=\"/api/v1/experiments/{id}/export.csv\" download>CSV</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/api/v1/experiments/{id}/export.json\" download>JSON</a>", page, StringComparison.Ordinal);
        Assert.Equal("text/csv", (await browser.GetAsync($"/api/v1/experiments/{id}/export.csv")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Render_TrialClaimedButNotFinished_ShowsARunningRowWithItsParamsAndNoScore()
    {
        using HttpClient api = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(api, "live");
        ClaimResult done = Claim(id, "done", "sgd", 0.01);
        Assert.True(_factory.Storage.FinishTrial(done.TrialId, "w1", new RunResult(0.8, new Dictionary<string, object?> { ["optimizer"] = "sgd", ["lr"] = 0.01 }) { TrialNumber = 0 }));
        Claim(id, "busy", "adam", 0.0042);
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync($"/experiments/{id}");

        Assert.Contains("<tr class=\"running\" data-status=\"running\"><td data-sort=\"1\" class=\"number\">1</td><td data-sort=\"running\">running</td><td data-sort=\"\"></td><td data-sort=\"adam\">adam</td><td data-sort=\"0.0042\" class=\"number\">0.0042</td>", page, StringComparison.Ordinal);
        Assert.Single(page.Split("data-status=\"running\"").Skip(1));
        Assert.Contains("data-status=\"completed\"", page, StringComparison.Ordinal);
        Assert.Contains("<option>running</option>", page, StringComparison.Ordinal);
        Assert.Contains("data-refresh=\"10\"", page, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private ClaimResult Claim(long experimentId, string key, string optimizer, double lr)
    {
        ClaimResult claim = _factory.Storage.TryClaim(new ClaimRequest(experimentId, key, new Dictionary<string, object?> { ["optimizer"] = optimizer, ["lr"] = lr }, false, "w1", Now, Now.AddHours(1), null));
        Assert.Equal(ClaimStatus.Claimed, claim.Status);
        return claim;
    }
}
