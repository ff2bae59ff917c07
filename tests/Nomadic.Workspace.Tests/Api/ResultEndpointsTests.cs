using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

public sealed class ResultEndpointsTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task Upload_ThenGet_RoundTripsWithClientId()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        ExperimentResult original = Samples.Result();
        Guid id = await Samples.UploadAsync(client, original);

        ExperimentResult loaded = ExperimentResult.FromJson(await client.GetStringAsync($"/api/v1/results/{id}"));

        Assert.Equal(id.ToString("D"), loaded.ClientId);
        Assert.Equal(original.Count, loaded.Count);
        Assert.Equal(original.BestRunResult.Score, loaded.BestRunResult.Score);
        Assert.Equal("adam", loaded.BestRunResult.Params["optimizer"]);
    }

    [Fact]
    public async Task AddRuns_Twice_KeepsOneCopyPerTrialNumber()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());
        string runs = "[" + string.Join(",", [Nomadic.Storage.StorageJson.WriteRun(Samples.Run(4, 0.65, "sgd")), Nomadic.Storage.StorageJson.WriteRun(Samples.Run(5, 0.95, "adam"))]) + "]";

        JsonElement first = await (await client.PostAsync($"/api/v1/results/{id}/runs", Samples.Json(runs))).Content.ReadFromJsonAsync<JsonElement>();
        JsonElement second = await (await client.PostAsync($"/api/v1/results/{id}/runs", Samples.Json(runs))).Content.ReadFromJsonAsync<JsonElement>();
        ExperimentResult loaded = ExperimentResult.FromJson(await client.GetStringAsync($"/api/v1/results/{id}"));

        Assert.Equal((1, 1, 6), (first.GetProperty("added").GetInt32(), first.GetProperty("replaced").GetInt32(), first.GetProperty("total").GetInt32()));
        Assert.Equal((0, 2, 6), (second.GetProperty("added").GetInt32(), second.GetProperty("replaced").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal([0, 1, 2, 3, 4, 5], loaded.RunResults.Select(r => r.TrialNumber));
        Assert.Equal(0.65, loaded.RunResults[4].Score);
    }

    [Fact]
    public async Task Replace_SameResultTwice_IsIdempotent()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());
        ExperimentResult renamed = Samples.Result("renamed");

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/results/{id}", Samples.Json(renamed.ToJson()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/results/{id}", Samples.Json(renamed.ToJson()))).StatusCode);
        JsonElement[] listed = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/results"))!;

        JsonElement only = Assert.Single(listed);
        Assert.Equal("renamed", only.GetProperty("name").GetString());
        Assert.Equal(5, only.GetProperty("runs").GetInt32());
    }

    [Theory]
    [InlineData("sort=-score", new[] { 1, 3, 4, 0, 2 })]
    [InlineData("sort=score", new[] { 0, 4, 3, 1, 2 })]
    [InlineData("sort=duration", new[] { 1, 2, 0, 4, 3 })]
    [InlineData("sort=-trial&limit=2", new[] { 4, 3 })]
    [InlineData("offset=3", new[] { 3, 4 })]
    [InlineData("status=completed&param.optimizer=adam", new[] { 1, 3 })]
    [InlineData("status=failed", new[] { 2 })]
    [InlineData("param.optimizer=sgd&sort=-score", new[] { 4, 0 })]
    [InlineData("param.lr=0.002", new[] { 1 })]
    public async Task Runs_PageSortAndFilter(string query, int[] expected)
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());

        JsonElement page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/results/{id}/runs?{query}");

        Assert.Equal(expected, page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("trial_number").GetInt32()));
    }

    [Fact]
    public async Task PlotsAndExports_AreServed()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());

        JsonElement[] plots = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/results/{id}/plots"))!;
        string svg = await client.GetStringAsync($"/api/v1/results/{id}/plots/history.svg");
        using HttpResponseMessage missing = await client.GetAsync($"/api/v1/results/{id}/plots/nothing.png");
        string csv = await client.GetStringAsync($"/api/v1/results/{id}/export.csv");
        ExperimentResult json = ExperimentResult.FromJson(await client.GetStringAsync($"/api/v1/results/{id}/export.json"));

        Assert.Contains(plots, p => p.GetProperty("name").GetString() == "history");
        Assert.Contains("<svg", svg);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("score,", csv);
        Assert.Equal(6, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(5, json.Count);
    }

    [Fact]
    public async Task ExportCsv_LlmRuns_HasRunDetailsAndNestedValuesAsJson()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, LlmResult.Create());

        string csv = await client.GetStringAsync($"/api/v1/results/{id}/export.csv");

        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "score,param_model,param_dataset,param_stop,run_result_metadata_dataset,run_result_metadata_item_scores,run_result_metadata_example_outputs,trial_number,status,error,started_at,duration_seconds",
            lines[0]);
        Assert.StartsWith("0.5,small,qa,\"[\"\"END\"\",\"\"</answer>\"\"]\",qa.jsonl,\"[1.0,0.0,0.5]\",\"[{\"\"id\"\":\"\"q1\"\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0,completed,,,2", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plots_ParametersOfDifferentBranches_HaveNoHeatmap()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        var space = new SearchSpace
        {
            ["chunking"] = Tune.Choice("fixed", "sentence"),
            ["chunk_size"] = Tune.Choice(40, 200).When("chunking", "fixed"),
            ["sentence_window"] = Tune.Choice(1, 3).When("chunking", "sentence"),
        };
        RunResult[] runs =
        [
            new(0.7, new Dictionary<string, object?> { ["chunking"] = "fixed", ["chunk_size"] = 40 }),
            new(0.8, new Dictionary<string, object?> { ["chunking"] = "fixed", ["chunk_size"] = 200 }),
            new(0.9, new Dictionary<string, object?> { ["chunking"] = "sentence", ["sentence_window"] = 3 }),
        ];
        Guid id = await Samples.UploadAsync(client, new ExperimentResult(space, runs, "conditional"));

        JsonElement[] plots = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/results/{id}/plots"))!;
        using HttpResponseMessage apart = await client.GetAsync($"/api/v1/results/{id}/plots/heatmap-chunk_size-sentence_window.png");
        using HttpResponseMessage together = await client.GetAsync($"/api/v1/results/{id}/plots/heatmap-chunking-chunk_size.png");

        Assert.DoesNotContain(plots, p => p.GetProperty("name").GetString() == "heatmap-chunk_size-sentence_window");
        Assert.Equal(HttpStatusCode.NotFound, apart.StatusCode);
        Assert.Equal(HttpStatusCode.OK, together.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesResultAndRuns()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        Guid id = await Samples.UploadAsync(client, Samples.Result());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/results/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/results/{id}")).StatusCode);
        Assert.Empty(SqliteFile.Cells(_factory.DatabasePath, "workspace_result_runs"));
    }

    public void Dispose() => _factory.Dispose();
}
