using System.Net;
using System.Text.RegularExpressions;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Commands;

public sealed partial class ServeCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_FirstStartAfterRun_PrintsAKeyThatSignsInToTheRunsExperiment()
    {
        CliOutcome ran = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp));
        Assert.True(ran.ExitCode == 0, ran.Stdout + ran.Stderr);
        using var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        Task<int> serving = CliApp.RunAsync(["serve", "--storage", _temp.File("nomadic.db"), "--port", "0"], TextWriter.Synchronized(stdout), TextWriter.Null, stop.Token);

        (string url, string key) = await WaitForUrlAndKeyAsync(stdout, serving);
        using var browser = new HttpClient { BaseAddress = new Uri(url) };
        using HttpResponseMessage login = await browser.PostAsync("/login", new FormUrlEncodedContent([new("key", key)]));
        string home = await login.Content.ReadAsStringAsync();
        string experiment = ExperimentLink().Match(home).Groups[1].Value;
        using HttpResponseMessage page = await browser.GetAsync(experiment);
        await stop.CancelAsync();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("<bdi>x2</bdi></a> <span class=\"source\">written by the command line</span>", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<b>5</b>completed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("First start over this storage: workspace 'local'", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Serve_StorageWithAWorkspace_CreatesNoKey()
    {
        string database = _temp.File("nomadic.db");
        Assert.Equal(0, (await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database)).ExitCode);
        using var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        Task<int> serving = CliApp.RunAsync(["serve", "--storage", database, "--port", "0"], TextWriter.Synchronized(stdout), TextWriter.Null, stop.Token);

        await WaitForUrlAndKeyAsync(stdout, serving, expectKey: false);
        await stop.CancelAsync();

        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("nmd_", stdout.ToString(), StringComparison.Ordinal);
        using var store = new Nomadic.Workspace.Store.SqliteWorkspaceStore(database);
        Assert.Null(store.FindWorkspace("local"));
    }

    [UnixFact]
    public async Task Serve_StartAndCtrlC_PrintsOnlyItsOwnLines()
    {
        string database = _temp.File("nomadic.db");
        Assert.Equal(0, (await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database)).ExitCode);
        using var serve = CliProcess.StartUnder(["timeout", "-s", "INT", "15"], _temp.Path, "serve", "--storage", database, "--port", "0");

        CliOutcome outcome = await serve.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Matches(@"^Nomadic Workspace on http://127\.0\.0\.1:[0-9]+ \(storage .*nomadic\.db\); Ctrl\+C stops it\.\n$", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
    }

    private static async Task<(string Url, string Key)> WaitForUrlAndKeyAsync(StringWriter stdout, Task<int> serving, bool expectKey = true)
    {
        for (int i = 0; i < 300 && !serving.IsCompleted; i++)
        {
            string text = stdout.ToString();
            Match url = Url().Match(text);
            Match key = Key().Match(text);
            if (url.Success && (key.Success || !expectKey))
            {
                return (url.Value, key.Value);
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("serve did not start: " + stdout + (serving.IsCompleted ? $" (exit {serving.Result})" : ""));
    }

    [GeneratedRegex(@"http://[0-9.:]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?m)^nmd_[A-Za-z0-9_-]+")]
    private static partial Regex Key();

    [GeneratedRegex("<a href=\"(/experiments/[0-9]+)\">")]
    private static partial Regex ExperimentLink();
}
