using System.Diagnostics;
using System.Net;
using Nomadic.Cli.Tests.Support;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Processes;

/// <summary>
/// <c>nomadic serve</c>, <c>run</c> and <c>worker</c> on one SQLite file while another SQLite client (Python's sqlite3
/// module, in a process of its own) keeps opening, reading and closing it, as a user's script or the sqlite3 shell would.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class SqliteSharingTests : IDisposable
{
    private const int GridSize = 6;
    private static readonly TimeSpan ReaderPause = TimeSpan.FromMilliseconds(20);
    private readonly TemporaryDirectory _temp = new();

    public SqliteSharingTests()
    {
        Database = _temp.File("nomadic.db");
    }

    private string Database { get; }

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public async Task Serve_WhileAnotherClientReadsTheFile_SeesKeyChangesAndKeepsTheRunsOfAConcurrentRunApart()
    {
        string firstKey = await CreateKeyAsync();
        int port = LoopbackModelServer.FreePort();
        using CliProcess server = CliProcess.Start(_temp.Path, "serve", "--storage", Database, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Poll.UntilAsync(() => server.HasExited || TryStatus(client, firstKey) == HttpStatusCode.OK ? "up" : null, TimeSpan.FromSeconds(60), "the server to answer");
        using (HttpResponseMessage created = await SendAsync(client, firstKey, HttpMethod.Post, ExperimentRequest("api1")))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        ForeignSqliteClient.Read(Database, times: 3);
        int lockHolder = ForeignSqliteClient.LockHolder(Database);
        bool logKept = File.Exists(Database + "-wal");

        Process reader = ForeignSqliteClient.StartReading(Database, ReaderPause);
        HttpStatusCode withRevoked, withNew;
        CliOutcome ran;
        try
        {
            await Task.Delay(300);
            using CliProcess run = CliProcess.Start(_temp.Path, "run", ExperimentFile("e3"), "--storage", Database);
            string newKey = await CreateKeyAsync();
            Assert.Equal(0, (await CliRunner.RunAsync("workspace", "key", "revoke", "team", "1", "--storage", Database)).ExitCode);
            withRevoked = TryStatus(client, firstKey);
            withNew = TryStatus(client, newKey);
            ran = await run.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Assert.Equal("", ForeignSqliteClient.Stop(reader));
        }

        CliOutcome served = await InterruptAsync(server);

        Assert.Equal(server.Id, lockHolder);
        Assert.True(logKept, "the other client's close deleted the write-ahead log the server still uses");
        Assert.True(ran.ExitCode == 0, ran.Stdout + ran.Stderr);
        Assert.True(served.ExitCode == 0, served.Stdout + served.Stderr);
        Assert.Equal(HttpStatusCode.Unauthorized, withRevoked);
        Assert.Equal(HttpStatusCode.OK, withNew);
        using var storage = new SqliteExperimentStorage(Database, new SqliteStorageOptions { ReadOnly = true });
        Assert.Equal(["api1", "e3"], storage.ListExperiments().Select(e => e.Name).Order());
        Assert.Empty(StoredTrials.Of(storage, "api1"));
        AssertGridRanOnce(StoredTrials.Of(storage, "e3"));
    }

    [UnixFact]
    public async Task Run_WhileAnotherClientReadsTheFile_KeepsEveryRun()
    {
        using CliProcess run = CliProcess.Start(_temp.Path, "run", ExperimentFile("e3"), "--storage", Database);
        await Poll.UntilAsync(() => File.Exists(Database) && StoredTrials.Completed(Database, "e3").Count > 0 ? "started" : null, TimeSpan.FromSeconds(60), "the run to start");

        Process reader = ForeignSqliteClient.StartReading(Database, ReaderPause);
        CliOutcome ran;
        try
        {
            ran = await run.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Assert.Equal("", ForeignSqliteClient.Stop(reader));
        }

        Assert.True(ran.ExitCode == 0, ran.Stdout + ran.Stderr);
        using var storage = new SqliteExperimentStorage(Database, new SqliteStorageOptions { ReadOnly = true });
        AssertGridRanOnce(StoredTrials.Of(storage, "e3"));
    }

    [UnixFact]
    public async Task Worker_WhileAnotherClientReadsTheFile_SharesTheGridWithTheRun()
    {
        using CliProcess run = CliProcess.Start(_temp.Path, "run", ExperimentFile("e3"), "--storage", Database, "--worker-id", "runner");
        await Poll.UntilAsync(() => File.Exists(Database) && StoredTrials.Completed(Database, "e3").Count > 0 ? "started" : null, TimeSpan.FromSeconds(60), "the run to start");

        Process reader = ForeignSqliteClient.StartReading(Database, ReaderPause);
        CliOutcome joined, ran;
        try
        {
            using CliProcess worker = CliProcess.Start(_temp.Path, "worker", "e3", "--storage", Database, "--worker-id", "helper");
            joined = await worker.WaitAsync(TimeSpan.FromSeconds(60));
            ran = await run.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Assert.Equal("", ForeignSqliteClient.Stop(reader));
        }

        Assert.True(joined.ExitCode == 0, joined.Stdout + joined.Stderr);
        Assert.True(ran.ExitCode == 0, ran.Stdout + ran.Stderr);
        using var storage = new SqliteExperimentStorage(Database, new SqliteStorageOptions { ReadOnly = true });
        AssertGridRanOnce(StoredTrials.Of(storage, "e3"));
    }

    private static void AssertGridRanOnce(IReadOnlyList<StoredTrial> trials)
    {
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(Enumerable.Range(0, GridSize), trials.Select(t => (int)t.Params["x"]!).Order());
        Assert.Equal(Enumerable.Range(0, GridSize), trials.Select(t => t.Number).Order());
    }

    private static HttpStatusCode TryStatus(HttpClient client, string key)
    {
        try
        {
            using HttpResponseMessage response = SendAsync(client, key, HttpMethod.Get, null).GetAwaiter().GetResult();
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, HttpMethod method, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, "/api/v1/experiments") { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static StringContent ExperimentRequest(string name) => new(
        $$"""{"name": "{{name}}", "direction": "maximize", "search_space": {{new SearchSpace { ["y"] = Tune.Uniform(0, 1) }.ToJson()}}}""",
        System.Text.Encoding.UTF8,
        "application/json");

    private static async Task<CliOutcome> InterruptAsync(CliProcess process)
    {
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await process.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<string> CreateKeyAsync()
    {
        CliOutcome created = await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", Database);
        Assert.True(created.ExitCode == 0, created.Stderr);
        return created.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
    }

    private string ExperimentFile(string name) => _temp.Write(name + ".yaml", $$"""
        name: {{name}}
        objective:
          command: [sh, -c, "sleep 0.3; echo {x}"]
        search_space:
          x: {type: randint, low: 0, high: {{GridSize}}}
        tuner: grid
        direction: maximize
        max_concurrent_trials: 2
        """);
}
