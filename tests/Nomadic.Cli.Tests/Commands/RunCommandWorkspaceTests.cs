using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Nomadic.Cli.Tests.Support;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace;
using Nomadic.Workspace.Keys;
using Nomadic.Workspace.Store;

namespace Nomadic.Cli.Tests.Commands;

/// <summary><c>run --workspace</c> against a real Workspace server on a loopback port.</summary>
[Collection(WorkspaceKeyVariable.Name)]
public sealed class RunCommandWorkspaceTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("NOMADIC_WORKSPACE_KEY", null);
        _temp.Dispose();
    }

    [Fact]
    public async Task Run_WithWorkspace_SyncsOnceAndUpdatesOnTheNextRun()
    {
        string serverDb = _temp.File("server.db");
        using var storage = new SqliteExperimentStorage(serverDb);
        using var store = new SqliteWorkspaceStore(serverDb);
        string key = ApiKeys.Create(store, "team", TimeProvider.System).Key;
        await using WebApplication app = WorkspaceServer.Create(new WorkspaceServerOptions { Storage = storage, Store = store }, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        string url = app.Urls.Single();
        Environment.SetEnvironmentVariable("NOMADIC_WORKSPACE_KEY", key);
        string file = ExperimentFiles.Builtin(_temp);

        CliOutcome first = await CliRunner.RunAsync("run", file, "--storage", _temp.File("runs.db"), "--workspace", url);
        CliOutcome second = await CliRunner.RunAsync("run", file, "--storage", _temp.File("runs.db"), "--workspace", url);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Synced to the Workspace", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        JsonElement result = Assert.Single((await http.GetFromJsonAsync<JsonElement[]>("/api/v1/results"))!);
        Assert.Equal("x2", result.GetProperty("name").GetString());
        Assert.Contains(result.GetProperty("id").GetString()!, second.Stdout);
        await app.StopAsync();
    }

    [Fact]
    public async Task Run_WithWorkspaceUnreachable_WarnsInOneLineAndSucceeds()
    {
        Environment.SetEnvironmentVariable("NOMADIC_WORKSPACE_KEY", "nmd_unused");

        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", _temp.File("runs.db"), "--workspace", "http://127.0.0.1:1");

        Assert.Equal(0, outcome.ExitCode);
        string warning = Assert.Single(outcome.Stdout.Split('\n'), l => l.Contains("Workspace", StringComparison.Ordinal));
        Assert.StartsWith("Not synced to the Workspace at http://127.0.0.1:1/", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithWorkspaceRefusingTheKey_FailsBeforeRunning()
    {
        string serverDb = _temp.File("server.db");
        using var storage = new SqliteExperimentStorage(serverDb);
        using var store = new SqliteWorkspaceStore(serverDb);
        ApiKeys.Create(store, "team", TimeProvider.System);
        await using WebApplication app = WorkspaceServer.Create(new WorkspaceServerOptions { Storage = storage, Store = store }, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        string url = app.Urls.Single();
        Environment.SetEnvironmentVariable("NOMADIC_WORKSPACE_KEY", "nmd_not-a-key-of-this-workspace");

        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", _temp.File("runs.db"), "--workspace", url);

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"the Workspace at {url}/ refused the key in NOMADIC_WORKSPACE_KEY (401 unauthorized)");
        Assert.Equal("", outcome.Stdout);
        Assert.False(File.Exists(_temp.File("runs.db")));
        await app.StopAsync();
    }

    [Fact]
    public async Task Run_WithWorkspaceButNoKey_FailsBeforeRunning()
    {
        Environment.SetEnvironmentVariable("NOMADIC_WORKSPACE_KEY", null);

        CliOutcome outcome = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", _temp.File("runs.db"), "--workspace", "http://127.0.0.1:1");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "NOMADIC_WORKSPACE_KEY");
        Assert.False(File.Exists(_temp.File("runs.db")));
    }
}

/// <summary>The tests that set the process's NOMADIC_WORKSPACE_KEY run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class WorkspaceKeyVariable
{
    public const string Name = "workspace-key-variable";
}
