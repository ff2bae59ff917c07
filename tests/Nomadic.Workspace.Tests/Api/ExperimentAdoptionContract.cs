using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

/// <summary>
/// Who may adopt an experiment the command line wrote, and what deleting it through a workspace does; each storage's
/// tests inherit it.
/// </summary>
public abstract class ExperimentAdoptionContract : IDisposable
{
    private WorkspaceFactory? _factory;

    private WorkspaceFactory Factory => _factory ??= CreateFactory();

    [Fact]
    public async Task Create_NameOfCliExperimentWithoutAdoptionRight_Is403AndLeavesItAlone()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient a = Factory.Client(Factory.KeyA);

        using HttpResponseMessage byName = await a.PostAsync("/api/v1/experiments", Samples.Json("""{"name": "from-cli"}"""));
        using HttpResponseMessage byDefinition = await a.PostAsync("/api/v1/experiments", Samples.NewExperiment("from-cli"));

        Assert.Equal(HttpStatusCode.Forbidden, byName.StatusCode);
        Assert.Contains("may not adopt", (await Samples.ProblemAsync(byName)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byDefinition.StatusCode);
        Assert.Null(Factory.Store.FindExperimentOwner("from-cli"));
        Assert.Empty((await a.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!);
        Assert.Equal(3, Factory.Storage.FindExperiment("from-cli")!.TrialCounts[TrialState.Completed]);
    }

    [Fact]
    public async Task Create_NameOfCliExperimentByAdoptingWorkspace_AdoptsItOnce()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        using HttpClient b = Factory.Client(Factory.KeyB);

        using HttpResponseMessage adopted = await admin.PostAsync("/api/v1/experiments", Samples.Json("""{"name": "from-cli"}"""));
        using HttpResponseMessage taken = await b.PostAsync("/api/v1/experiments", Samples.Json("""{"name": "from-cli"}"""));

        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        JsonElement summary = await adopted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, summary.GetProperty("runs").GetProperty("completed").GetInt32());
        Assert.True(summary.GetProperty("adopted").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.False(Factory.Store.FindExperimentOwner("from-cli")!.CreatedHere);
    }

    [Fact]
    public async Task Delete_AdoptedExperimentWithoutConfirmation_Is409AndKeepsEveryRun()
    {
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = await AdoptAsync(admin, "from-cli");

        using HttpResponseMessage refused = await admin.DeleteAsync($"/api/v1/experiments/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        string detail = (await Samples.ProblemAsync(refused)).GetProperty("detail").GetString()!;
        Assert.Contains("3 runs", detail, StringComparison.Ordinal);
        Assert.Contains("?delete_runs=true", detail, StringComparison.Ordinal);
        Assert.Equal(3, Factory.Storage.LoadResult("from-cli")!.Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_AdoptedExperimentWithDeleteRunsFalse_OnlyRemovesItFromTheWorkspace()
    {
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = await AdoptAsync(admin, "from-cli");

        using HttpResponseMessage removed = await admin.DeleteAsync($"/api/v1/experiments/{id}?delete_runs=false");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(3, Factory.Storage.LoadResult("from-cli")!.Count);
        Assert.Null(Factory.Store.FindExperimentOwner("from-cli"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_AdoptedExperimentWithDeleteRunsTrue_DeletesItsRuns()
    {
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = await AdoptAsync(admin, "from-cli");

        using HttpResponseMessage deleted = await admin.DeleteAsync($"/api/v1/experiments/{id}?delete_runs=true");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(Factory.Storage.FindExperiment("from-cli"));
        Assert.Null(Factory.Store.FindExperimentOwner("from-cli"));
    }

    [Fact]
    public async Task Delete_CreatedHere_DeletesWithoutConfirmation()
    {
        using HttpClient a = Factory.Client(Factory.KeyA);
        long id = await Samples.CreateExperimentAsync(a, "made-here");
        Assert.False((await a.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{id}")).GetProperty("adopted").GetBoolean());

        using HttpResponseMessage deleted = await a.DeleteAsync($"/api/v1/experiments/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(Factory.Store.ListExperiments(Factory.Store.FindWorkspace("team-a")!.Id));
        Assert.Null(Factory.Storage.FindExperiment("made-here"));
    }

    [Fact]
    public async Task Delete_UnreadableDeleteRuns_Is400NamingIt()
    {
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = await AdoptAsync(admin, "from-cli");

        using HttpResponseMessage response = await admin.DeleteAsync($"/api/v1/experiments/{id}?delete_runs=yes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"delete_runs\"", (await Samples.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, Factory.Storage.LoadResult("from-cli")!.Count);
    }

    public void Dispose()
    {
        _factory?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract WorkspaceFactory CreateFactory();

    private async Task RunFromCliAsync(string name)
    {
        var experiment = new Experiment(Samples.Space(), _ => 0.5, new ExperimentOptions { Name = name, Storage = Factory.Storage, NumSamples = 3, Seed = 1 });
        ExperimentResult result = await experiment.RunAsync();
        Assert.Equal(3, result.Count);
    }

    private async Task<long> AdoptAsync(HttpClient client, string name)
    {
        await RunFromCliAsync(name);
        using HttpResponseMessage adopted = await client.PostAsync("/api/v1/experiments", Samples.Json($$"""{"name": "{{name}}"}"""));
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        return (await adopted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
