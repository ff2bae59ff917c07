using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Workspace.Tests.Support;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace.Tests.Api;

public sealed class ApiSecurityTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task Request_WithoutKey_Is401ProblemDetails()
    {
        using HttpClient client = _factory.Client(null);
        using HttpResponseMessage response = await client.GetAsync("/api/v1/experiments");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(401, (await Samples.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Request_WithUnknownKey_Is401()
    {
        using HttpClient client = _factory.Client("nmd_not-a-real-key");
        using HttpResponseMessage response = await client.GetAsync("/api/v1/results");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithXApiKeyHeader_IsAccepted()
    {
        using HttpClient client = _factory.Client(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", _factory.KeyA);
        using HttpResponseMessage response = await client.GetAsync("/api/v1/experiments");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithRevokedKey_Is401()
    {
        WorkspaceInfo workspace = _factory.Store.FindWorkspace("team-a")!;
        using HttpClient client = _factory.Client(_factory.KeyA);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/experiments")).StatusCode);

        Assert.True(_factory.Store.RevokeKey(workspace.Id, _factory.Store.ListKeys(workspace.Id).Single().Id, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/experiments")).StatusCode);
    }

    [Fact]
    public async Task Experiment_OfAnotherWorkspace_Is404NotForbidden()
    {
        using HttpClient a = _factory.Client(_factory.KeyA);
        using HttpClient b = _factory.Client(_factory.KeyB);
        long id = await Samples.CreateExperimentAsync(a, "private-sweep");

        foreach (string path in new[] { $"/api/v1/experiments/{id}", $"/api/v1/experiments/{id}/runs", $"/api/v1/experiments/{id}/export.csv", $"/api/v1/experiments/{id}/plots/history.png" })
        {
            using HttpResponseMessage response = await b.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/v1/experiments/{id}")).StatusCode);
        Assert.Empty(await b.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments") ?? []);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task Result_OfAnotherWorkspace_Is404()
    {
        using HttpClient a = _factory.Client(_factory.KeyA);
        using HttpClient b = _factory.Client(_factory.KeyB);
        Guid id = await Samples.UploadAsync(a, Samples.Result());

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/results/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/v1/results/{id}/runs", Samples.Json("[]"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PutAsync($"/api/v1/results/{id}", Samples.Json(Samples.Result().ToJson()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/v1/results/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/results/{id}")).StatusCode);
    }

    [Fact]
    public async Task ExperimentName_TakenByAnotherWorkspace_Is409()
    {
        using HttpClient a = _factory.Client(_factory.KeyA);
        using HttpClient b = _factory.Client(_factory.KeyB);
        await Samples.CreateExperimentAsync(a, "shared-name");

        using HttpResponseMessage response = await b.PostAsync("/api/v1/experiments", Samples.NewExperiment("shared-name"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using HttpClient client = _factory.Client(null);
        JsonElement document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        JsonElement paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/experiments", out _));
        Assert.True(paths.TryGetProperty("/api/v1/results/{id}/runs", out _));
    }

    public void Dispose() => _factory.Dispose();
}
