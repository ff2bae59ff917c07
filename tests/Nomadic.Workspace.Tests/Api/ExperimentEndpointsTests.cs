using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

public sealed class ExperimentEndpointsTests : IDisposable
{
    private readonly WorkspaceFactory _factory = new();

    [Fact]
    public async Task CreateListRenameDelete_RoundTrip()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(client, "sweep");

        JsonElement[] listed = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!;
        using HttpResponseMessage renamed = await client.PatchAsync($"/api/v1/experiments/{id}", Samples.Json("""{"name": "Sweep, final"}"""));
        JsonElement after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{id}");
        using HttpResponseMessage deleted = await client.DeleteAsync($"/api/v1/experiments/{id}");

        Assert.Equal("sweep", Assert.Single(listed).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Sweep, final", after.GetProperty("name").GetString());
        Assert.Equal("sweep", after.GetProperty("storage_name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(_factory.Storage.FindExperiment("sweep"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task Create_SameDefinitionTwice_ReturnsTheSameExperiment()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        using HttpResponseMessage first = await client.PostAsync("/api/v1/experiments", Samples.NewExperiment("again"));
        using HttpResponseMessage second = await client.PostAsync("/api/v1/experiments", Samples.NewExperiment("again"));
        using HttpResponseMessage changed = await client.PostAsync("/api/v1/experiments", Samples.NewExperiment("again", "minimize"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
    }

    [Fact]
    public async Task ExperimentRunByTheLibrary_OnTheSameFile_AppearsThroughTheApi()
    {
        using HttpClient client = _factory.Client(_factory.KeyA);
        long id = await Samples.CreateExperimentAsync(client, "live");

        using (var storage = new SqliteExperimentStorage(_factory.DatabasePath))
        {
            var experiment = new Experiment(Samples.Space(), p => p["optimizer"] as string == "adam" ? 0.8 : 0.4, new ExperimentOptions
            {
                Name = "live",
                Storage = storage,
                NumSamples = 6,
                Seed = 3,
            });
            await experiment.RunAsync();
        }

        JsonElement summary = await client.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{id}");
        JsonElement page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{id}/runs?sort=-score&limit=2");
        ExperimentResult result = ExperimentResult.FromJson(await client.GetStringAsync($"/api/v1/experiments/{id}/result"));
        using HttpResponseMessage plot = await client.GetAsync($"/api/v1/experiments/{id}/plots/history.png");

        Assert.Equal(6, summary.GetProperty("runs").GetProperty("completed").GetInt32());
        Assert.Equal(0.8, summary.GetProperty("best_score").GetDouble());
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("runs").GetArrayLength());
        Assert.Equal(6, result.Count);
        Assert.Equal("image/png", plot.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await plot.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task ExperimentStartedOutsideTheApi_AdoptedByNameByAnAdoptingWorkspace_ShowsItsRuns()
    {
        using (var storage = new SqliteExperimentStorage(_factory.DatabasePath))
        {
            var experiment = new Experiment(Samples.Space(), _ => 0.5, new ExperimentOptions { Name = "from-cli", Storage = storage, NumSamples = 3, Seed = 1 });
            await experiment.RunAsync();
        }

        using HttpClient a = _factory.Client(_factory.AdminKey);
        using HttpClient b = _factory.Client(_factory.KeyB);
        Assert.False(Assert.Single((await a.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!).GetProperty("owned").GetBoolean());

        using HttpResponseMessage adopted = await a.PostAsync("/api/v1/experiments", Samples.Json("""{"name": "from-cli"}"""));
        using HttpResponseMessage stolen = await b.PostAsync("/api/v1/experiments", Samples.Json("""{"name": "from-cli"}"""));
        JsonElement summary = await adopted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        Assert.Equal(3, summary.GetProperty("runs").GetProperty("completed").GetInt32());
        Assert.True(summary.GetProperty("owned").GetBoolean());
        Assert.True(Assert.Single((await a.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!).GetProperty("owned").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Empty((await b.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!);
    }

    public void Dispose() => _factory.Dispose();
}
