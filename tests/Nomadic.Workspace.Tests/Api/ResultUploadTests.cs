using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

/// <summary>Every endpoint that takes results or runs reads them with the library's rules and answers 400 naming the field.</summary>
public sealed class ResultUploadTests : IDisposable
{
    private const string GoodRun = """{"trial_number": 0, "status": "completed", "score": 0.5, "params": {"optimizer": "sgd", "lr": 0.01}}""";
    private readonly WorkspaceFactory _factory = new();

    public static TheoryData<string, string> InvalidResults => new()
    {
        { Result(["\"name\": 5"], GoodRun), "name: expected a string, found number 5" },
        { Result(["\"version\": 99"], GoodRun), "written by a newer Nomadic (version 99); this one reads up to 1" },
        { Result(["\"metadata\": {\"seed\": 1e309}"], GoodRun), "metadata.seed: 1e309 is not a finite number" },
        { Result([], Run(0, "-5", "0.5")), "run_results[0].trial_number: -5 is negative" },
        { Result([], GoodRun, Run(1, "1", "0.5"), Run(2, "2", "0.5"), Run(3, "3", "\"NaN\"")), "run_results[3].score: \"NaN\" is not a finite number" },
        { Result([], GoodRun, Run(1, "1", "0.5"), Run(2, "2", "0.5"), Run(3, "3", "\"Infinity\"")), "run_results[3].score: \"Infinity\" is not a finite number" },
        { Result([], GoodRun, Run(1, "1", "0.5"), Run(2, "2", "0.5"), Run(3, "3", "\"-Infinity\"")), "run_results[3].score: \"-Infinity\" is not a finite number" },
        { Result([], GoodRun, Run(1, "1", "0.5"), Run(2, "2", "0.5"), Run(3, "3", "1e309")), "run_results[3].score: 1e309 is not a finite number" },
        { Result([], """{"score": 0.5, "params": {"lr": 1e309}}"""), "run_results[0].params.lr: 1e309 is not a finite number" },
        { Result([], """{"score": 0.5, "params": {}, "metadata": {"loss": -1e309}}"""), "run_results[0].metadata.loss: -1e309 is not a finite number" },
    };

    public static TheoryData<string, string> InvalidRuns => new()
    {
        { "[" + Run(5, "-5", "0.5") + "]", "run_results[0].trial_number: -5 is negative" },
        { "[" + Run(5, "5", "0.5") + ", " + Run(6, "6", "1e309") + "]", "run_results[1].score: 1e309 is not a finite number" },
        { "{\"run_results\": [" + Run(5, "5", "\"Infinity\"") + "]}", "run_results[0].score: \"Infinity\" is not a finite number" },
        { "[{\"trial_number\": 5, \"score\": 0.5, \"params\": {\"lr\": 1e309}}]", "run_results[0].params.lr: 1e309 is not a finite number" },
        { "[{\"trial_number\": \"5\", \"score\": 0.5, \"params\": {}}]", "run_results[0].trial_number: expected a whole number" },
    };

    [Theory]
    [MemberData(nameof(InvalidResults))]
    public async Task PostResults_InvalidResult_Is400NamingTheField(string body, string detail)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);

        using HttpResponseMessage response = await client.PostAsync("/api/v1/results", Samples.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await Samples.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/results"))!);
    }

    [Theory]
    [MemberData(nameof(InvalidResults))]
    public async Task PutResult_InvalidResult_Is400AndKeepsTheStoredOne(string body, string detail)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());

        using HttpResponseMessage response = await client.PutAsync($"/api/v1/results/{id}", Samples.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await Samples.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(Samples.Result().ToJson(), WithoutClientId(await client.GetStringAsync($"/api/v1/results/{id}")));
    }

    [Theory]
    [MemberData(nameof(InvalidRuns))]
    public async Task PostRuns_InvalidRun_Is400AndAddsNothing(string body, string detail)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());

        using HttpResponseMessage response = await client.PostAsync($"/api/v1/results/{id}/runs", Samples.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await Samples.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, ExperimentResult.FromJson(await client.GetStringAsync($"/api/v1/results/{id}")).Count);
    }

    [Fact]
    public async Task PostResults_FailedAndDivergedRuns_AreStoredAsWritten()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        string body = Result(
            [],
            """{"trial_number": 0, "status": "failed", "score": null, "params": {}, "error": "boom"}""",
            """{"trial_number": 1, "status": "pruned", "score": "Infinity", "params": {}, "intermediate_values": [[0, "Infinity"]]}""",
            """{"trial_number": -1, "score": 0.5, "params": {}}""");

        using HttpResponseMessage response = await client.PostAsync("/api/v1/results", Samples.Json(body));
        Guid id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        ExperimentResult stored = ExperimentResult.FromJson(await client.GetStringAsync($"/api/v1/results/{id}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([RunStatus.Failed, RunStatus.Pruned, RunStatus.Completed], stored.RunResults.Select(r => r.Status));
        Assert.Equal(double.PositiveInfinity, stored.RunResults[1].Score);
        Assert.Equal(2, stored.RunResults[2].TrialNumber);
    }

    [Fact]
    public async Task GetResult_RunStoredByEarlierReleaseWithoutFiniteScore_ReadsAsFailed()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());
        long workspace = _factory.Store.FindWorkspace("team-a")!.Id;
        _factory.Store.UpsertRuns(workspace, id, [new Nomadic.Workspace.Store.RunRecord(5, """{"trial_number":5,"status":"completed","score":"Infinity","params":{"optimizer":"sgd","lr":0.01},"metadata":{}}""")], DateTimeOffset.UtcNow);

        ExperimentResult stored = ExperimentResult.FromJson(await client.GetStringAsync($"/api/v1/results/{id}"));

        RunResult run = stored.RunResults.Single(r => r.TrialNumber == 5);
        Assert.Equal((RunStatus.Failed, "the score is \"Infinity\", not a finite number"), (run.Status, run.Error));
        Assert.Equal(6, stored.Count);
    }

    [Fact]
    public async Task PostExperiments_SettingNotFinite_Is400NamingIt()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        string body = "{\"name\": \"overflow\", \"search_space\": " + Samples.Space().ToJson() + ", \"settings\": {\"budget\": {\"seconds\": 1e309}}}";

        using HttpResponseMessage response = await client.PostAsync("/api/v1/experiments", Samples.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("settings.budget.seconds: 1e309 is not a finite number", (await Samples.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    public void Dispose() => _factory.Dispose();

    private static string Run(int index, string trialNumber, string score) =>
        $$$"""{"trial_number": {{{trialNumber}}}, "status": "completed", "score": {{{score}}}, "params": {"optimizer": "adam", "lr": 0.00{{{index + 1}}}}}""";

    private static string Result(string[] fields, params string[] runs) =>
        "{\"hp_search_space\": " + Samples.Space().ToJson() + ", " + string.Concat(fields.Select(f => f + ", ")) + "\"run_results\": [" + string.Join(", ", runs) + "]}";

    private static string WithoutClientId(string json)
    {
        ExperimentResult result = ExperimentResult.FromJson(json);
        result.ClientId = null;
        return result.ToJson();
    }
}
