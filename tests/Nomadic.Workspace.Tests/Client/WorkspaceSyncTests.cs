using System.Net.Http.Json;
using System.Text.Json;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Workspace.Client;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Client;

public sealed class WorkspaceSyncTests : IDisposable
{
    private const int Runs = 30;
    private static readonly WorkspaceSyncOptions Batches = new() { BatchSize = 4, FlushInterval = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(50) };
    private readonly WorkspaceFactory _factory = new();
    private readonly List<IDisposable> _owned = [];

    [Fact]
    public async Task Experiment_WithSync_PushesEveryRunAndSetsClientId()
    {
        using WorkspaceClient client = Client(failures: 0, retries: 4);
        await using WorkspaceSync sync = client.StartSync(Samples.Space(), "live", Batches);

        ExperimentResult result = await RunExperimentAsync(sync);
        bool flushed = await sync.FlushAsync();
        int onServerBeforeComplete = await RunsOnServerAsync(sync.ClientId!);
        WorkspaceSyncOutcome outcome = await sync.CompleteAsync(result);

        Assert.True(flushed);
        Assert.Equal(Runs, onServerBeforeComplete);
        Assert.Equal(Runs, sync.SyncedRuns);
        Assert.True(outcome.Synced);
        Assert.Equal(sync.ClientId, result.ClientId);
        Assert.Equal(Runs, await RunsOnServerAsync(result.ClientId!));
        Assert.Equal(0, sync.ErrorCount);
    }

    [Fact]
    public async Task Complete_Again_AddsNothing()
    {
        using WorkspaceClient client = Client(failures: 0, retries: 4);
        await using WorkspaceSync sync = client.StartSync(Samples.Space(), "live", Batches);
        ExperimentResult result = await RunExperimentAsync(sync);
        await sync.CompleteAsync(result);
        await using WorkspaceSync again = client.StartSync(Samples.Space(), "live", new WorkspaceSyncOptions { ResultId = result.ClientId });

        result.RunResults.ToList().ForEach(again.Report);
        await again.CompleteAsync(result);
        await sync.CompleteAsync(result);

        Assert.Equal(result.ClientId, again.ClientId);
        Assert.Equal(1, await ResultCountAsync());
        Assert.Equal(Runs, await RunsOnServerAsync(result.ClientId!));
    }

    [Fact]
    public async Task Experiment_ServerUnreachable_CompletesAndCountsErrors()
    {
        using var client = new WorkspaceClient(new Uri("http://127.0.0.1:1/"), _factory.KeyA, new WorkspaceClientOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1) });
        await using WorkspaceSync sync = client.StartSync(Samples.Space(), "live", Batches);
        int events = 0;
        sync.SyncFailed += (_, _) => Interlocked.Increment(ref events);

        ExperimentResult result = await RunExperimentAsync(sync);
        WorkspaceSyncOutcome outcome = await sync.CompleteAsync(result);

        Assert.Equal(Runs, result.Count);
        Assert.False(outcome.Synced);
        Assert.True(sync.ErrorCount > 0);
        Assert.Equal(sync.ErrorCount, events);
        Assert.Contains("could not be reached", sync.LastError);
        Assert.Equal(Runs, sync.PendingRuns);
        Assert.Null(result.ClientId);
    }

    [Fact]
    public async Task Experiment_ServerFailingThenRecovering_EndsWithEveryRun()
    {
        // Six failed calls with one retry each: the first three attempts fail, then every batch gets through.
        using WorkspaceClient client = Client(failures: 6, retries: 1);
        await using WorkspaceSync sync = client.StartSync(Samples.Space(), "live", Batches);

        ExperimentResult result = await RunExperimentAsync(sync);
        bool flushed = false;
        for (int i = 0; i < 5 && !flushed; i++)
        {
            flushed = await sync.FlushAsync();
        }

        WorkspaceSyncOutcome outcome = await sync.CompleteAsync(result);

        Assert.True(flushed);
        Assert.True(outcome.Synced);
        Assert.Equal(3, sync.ErrorCount);
        Assert.Equal(Runs, sync.SyncedRuns);
        Assert.Equal(1, await ResultCountAsync());
        Assert.Equal(Runs, await RunsOnServerAsync(result.ClientId!));
    }

    [Fact]
    public async Task Report_QueueFull_DropsTheOldestAndCompleteRestoresThem()
    {
        using WorkspaceClient client = Client(failures: 0, retries: 0);
        var options = new WorkspaceSyncOptions { BatchSize = 100, FlushInterval = TimeSpan.FromHours(1), MaxQueuedRuns = 5 };
        await using WorkspaceSync sync = client.StartSync(Samples.Space(), "bounded", options);
        var runs = Enumerable.Range(0, 12).Select(i => Samples.Run(i, i / 12.0, "sgd")).ToList();

        runs.ForEach(sync.Report);
        int pending = sync.PendingRuns;
        WorkspaceSyncOutcome outcome = await sync.CompleteAsync(new ExperimentResult(Samples.Space(), runs, "bounded"));

        Assert.Equal(5, pending);
        Assert.Equal(7, sync.DroppedRuns);
        Assert.True(outcome.Synced);
        Assert.Equal(12, await RunsOnServerAsync(outcome.ClientId!));
    }

    [Fact]
    public async Task Around_AnotherReceiver_ReportsToBoth()
    {
        using WorkspaceClient client = Client(failures: 0, retries: 0);
        await using WorkspaceSync sync = client.StartSync(Samples.Space(), "tee", Batches);
        var seen = new List<RunResult>();

        sync.Around(new Progress<RunResult>(seen.Add)).Report(Samples.Run(0, 0.5, "sgd"));
        await sync.FlushAsync();

        Assert.Equal(1, await RunsOnServerAsync(sync.ClientId!));
        Assert.Same(sync, sync.Around(null));
    }

    public void Dispose()
    {
        _owned.ForEach(d => d.Dispose());
        _factory.Dispose();
    }

    private static async Task<ExperimentResult> RunExperimentAsync(WorkspaceSync sync)
    {
        var options = new ExperimentOptions { Name = "live", NumSamples = Runs, Seed = 3, MaxConcurrentTrials = 2, Progress = sync };
        using var experiment = new Experiment(
            Samples.Space(),
            async (p, token) =>
            {
                await Task.Delay(2, token);
                return (double)p["lr"]!;
            },
            options);
        return await experiment.RunAsync();
    }

    private WorkspaceClient Client(int failures, int retries)
    {
        var http = new HttpClient(new FlakyHandler(_factory.Server.CreateHandler(), failures)) { BaseAddress = _factory.Server.BaseAddress };
        _owned.Add(http);
        return new WorkspaceClient(http, _factory.KeyA, new WorkspaceClientOptions { MaxRetryAttempts = retries, BaseDelay = TimeSpan.FromMilliseconds(1) });
    }

    private async Task<int> RunsOnServerAsync(string id)
    {
        using HttpClient http = _factory.Client(_factory.KeyA);
        JsonElement page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/results/{id}/runs?limit=1000");
        Assert.Equal(page.GetProperty("total").GetInt32(), page.GetProperty("runs").GetArrayLength());
        return page.GetProperty("total").GetInt32();
    }

    private async Task<int> ResultCountAsync()
    {
        using HttpClient http = _factory.Client(_factory.KeyA);
        return (await http.GetFromJsonAsync<JsonElement[]>("/api/v1/results"))!.Length;
    }
}
