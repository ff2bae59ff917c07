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
    public async Task List_CliExperimentForWorkspaceAllowedToAdopt_ListsItWithItsRunsWithoutAdoption()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient admin = Factory.Client(Factory.AdminKey);

        JsonElement[] listed = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!;

        JsonElement experiment = Assert.Single(listed);
        Assert.Equal("from-cli", experiment.GetProperty("name").GetString());
        Assert.False(experiment.GetProperty("owned").GetBoolean());
        Assert.True(experiment.GetProperty("adopted").GetBoolean());
        Assert.Equal(3, experiment.GetProperty("runs").GetProperty("completed").GetInt32());
        Assert.Equal(0.5, experiment.GetProperty("best_score").GetDouble());
        long id = experiment.GetProperty("id").GetInt64();
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{id}/runs")).GetProperty("total").GetInt32());
        Assert.Contains("history", (await admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/experiments/{id}/plots"))!.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/experiments/{id}/plots/history.svg")).StatusCode);
        Assert.Null(Factory.Store.FindExperimentOwner("from-cli"));
    }

    [Fact]
    public async Task List_CliExperimentForWorkspaceNotAllowedToAdopt_IsNotListedNorFound()
    {
        await RunFromCliAsync("from-cli");
        long id = Factory.Storage.FindExperiment("from-cli")!.Id;

        foreach (string key in new[] { Factory.KeyA, Factory.KeyB })
        {
            using HttpClient client = Factory.Client(key);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/experiments/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/experiments/{id}/runs")).StatusCode);
        }
    }

    [Fact]
    public async Task List_AnotherWorkspacesExperiment_IsNeverListed()
    {
        using HttpClient a = Factory.Client(Factory.KeyA);
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long madeByA = await Samples.CreateExperimentAsync(a, "made-by-a");
        long adopted = await AdoptAsync(admin, "from-cli");
        await RunFromCliAsync("made-by-a");

        string[] seenByAdmin = [.. (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!.Select(e => e.GetProperty("name").GetString()!)];
        string[] seenByA = [.. (await a.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!.Select(e => e.GetProperty("name").GetString()!)];

        Assert.Equal(["from-cli"], seenByAdmin);
        Assert.Equal(["made-by-a"], seenByA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/experiments/{madeByA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/experiments/{madeByA}?delete_runs=true")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/experiments/{adopted}")).StatusCode);
        Assert.NotNull(Factory.Storage.FindExperiment("made-by-a"));
    }

    [Fact]
    public async Task Delete_ListedCliExperimentWithoutConfirmation_Is409AndKeepsEveryRun()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = Factory.Storage.FindExperiment("from-cli")!.Id;

        using HttpResponseMessage refused = await admin.DeleteAsync($"/api/v1/experiments/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("?delete_runs=true", (await Samples.ProblemAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, Factory.Storage.LoadResult("from-cli")!.Count);
    }

    [Fact]
    public async Task Delete_ListedCliExperimentWithDeleteRunsTrue_DeletesItsRuns()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = Factory.Storage.FindExperiment("from-cli")!.Id;

        using HttpResponseMessage deleted = await admin.DeleteAsync($"/api/v1/experiments/{id}?delete_runs=true");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(Factory.Storage.FindExperiment("from-cli"));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!);
    }

    [Fact]
    public async Task Delete_ListedCliExperimentWithDeleteRunsFalse_KeepsItsRunsAndItStaysListed()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = Factory.Storage.FindExperiment("from-cli")!.Id;

        using HttpResponseMessage removed = await admin.DeleteAsync($"/api/v1/experiments/{id}?delete_runs=false");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(3, Factory.Storage.LoadResult("from-cli")!.Count);
        Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/experiments"))!);
    }

    [Fact]
    public async Task Rename_ListedCliExperiment_AdoptsItUnderTheNewName()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient admin = Factory.Client(Factory.AdminKey);
        long id = Factory.Storage.FindExperiment("from-cli")!.Id;

        using HttpResponseMessage renamed = await admin.PatchAsync($"/api/v1/experiments/{id}", Samples.Json("""{"name": "baseline sweep"}"""));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        JsonElement summary = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("baseline sweep", summary.GetProperty("name").GetString());
        Assert.True(summary.GetProperty("owned").GetBoolean());
        Nomadic.Workspace.Store.WorkspaceExperiment owner = Factory.Store.FindExperimentOwner("from-cli")!;
        Assert.Equal(Factory.Store.FindWorkspace("admins")!.Id, owner.WorkspaceId);
        Assert.False(owner.CreatedHere);
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

        // Given back to the command line: a workspace allowed to adopt lists it again, as one no workspace owns.
        JsonElement listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/experiments/{id}");
        Assert.False(listed.GetProperty("owned").GetBoolean());
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
