using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Commands;

public sealed class WorkspaceCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task KeyCreateListRevoke_ShowsTheKeyOnceAndRevokesIt()
    {
        string database = _temp.File("nomadic.db");

        CliOutcome created = await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database);
        CliOutcome listed = await CliRunner.RunAsync("workspace", "key", "list", "team", "--storage", database);
        CliOutcome revoked = await CliRunner.RunAsync("workspace", "key", "revoke", "team", "1", "--storage", database);
        CliOutcome again = await CliRunner.RunAsync("workspace", "key", "revoke", "team", "1", "--storage", database);

        Assert.Equal(0, created.ExitCode);
        string key = created.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        Assert.StartsWith("nmd_", key);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(key[..8], listed.Stdout);
        Assert.DoesNotContain(key, listed.Stdout);
        Assert.Equal(0, revoked.ExitCode);
        again.AssertOneErrorLine(ExitCodes.Usage, "has no valid key 1");
    }

    [Fact]
    public async Task KeyCreate_BidiControlInTheName_FailsWithOneLine()
    {
        string database = _temp.File("nomadic.db");

        CliOutcome outcome = await CliRunner.RunAsync("workspace", "key", "create", "team\u202Eiad", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "must not contain bidirectional control characters (U+202E at position 4)");
        CliOutcome listed = await CliRunner.RunAsync("workspace", "key", "list", "team\u202Eiad", "--storage", database);
        Assert.Equal(ExitCodes.Usage, listed.ExitCode);
    }

    [Fact]
    public async Task KeyCreate_Admin_LetsTheWorkspaceAdoptAndSaysSo()
    {
        string database = _temp.File("nomadic.db");

        CliOutcome plain = await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database);
        CliOutcome admin = await CliRunner.RunAsync("workspace", "key", "create", "team", "--admin", "--storage", database);

        Assert.Equal(0, plain.ExitCode);
        Assert.DoesNotContain("may adopt", plain.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, admin.ExitCode);
        Assert.StartsWith("nmd_", admin.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), StringComparison.Ordinal);
        Assert.Contains("Workspace 'team' may adopt experiments the command line or workers wrote.", admin.Stdout, StringComparison.Ordinal);
        using var store = new Nomadic.Workspace.Store.SqliteWorkspaceStore(database);
        Assert.True(store.FindWorkspace("team")!.MayAdopt);
    }

    [Fact]
    public async Task KeyList_UnknownWorkspace_FailsWithOneLine()
    {
        CliOutcome outcome = await CliRunner.RunAsync("workspace", "key", "list", "nobody", "--storage", _temp.File("nomadic.db"));
        outcome.AssertOneErrorLine(ExitCodes.Usage, "no workspace named 'nobody'");
        Assert.False(File.Exists(_temp.File("nomadic.db")));
    }

    [Fact]
    public async Task Serve_AnswersWithTheKeyAndStopsOnCancel()
    {
        string database = _temp.File("nomadic.db");
        CliOutcome created = await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database);
        string key = created.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        Task<int> serving = CliApp.RunAsync(["serve", "--storage", database, "--port", "0"], TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), stop.Token);

        string url = await WaitForUrlAsync(stdout, serving);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        using HttpResponseMessage anonymous = await client.GetAsync("/api/v1/experiments");
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using HttpResponseMessage allowed = await client.GetAsync("/api/v1/experiments");
        await stop.CancelAsync();

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("--secure-cookies", null, true)]
    [InlineData("--forwarded-headers", null, false)]
    [InlineData("--forwarded-headers", "https", true)]
    [InlineData(null, "https", false)]
    public async Task Serve_ProxyOptions_DecideWhetherTheSessionCookieIsSecure(string? option, string? forwardedProto, bool secure)
    {
        string database = _temp.File("nomadic.db");
        CliOutcome created = await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database);
        string key = created.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        using var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        string[] args = ["serve", "--storage", database, "--port", "0", .. option is null ? Array.Empty<string>() : [option]];
        Task<int> serving = CliApp.RunAsync(args, TextWriter.Synchronized(stdout), TextWriter.Null, stop.Token);

        string url = await WaitForUrlAsync(stdout, serving);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent([new("key", key)]) };
        if (forwardedProto is not null)
        {
            login.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        using HttpResponseMessage response = await client.SendAsync(login);
        await stop.CancelAsync();

        string cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("nomadic_session=", cookie, StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task<string> WaitForUrlAsync(StringWriter stdout, Task<int> serving)
    {
        for (int i = 0; i < 300 && !serving.IsCompleted; i++)
        {
            string text = stdout.ToString();
            int start = text.IndexOf("http://", StringComparison.Ordinal);
            if (start >= 0)
            {
                return text[start..].Split(' ', ',')[0];
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("serve did not start: " + stdout + (serving.IsCompleted ? $" (exit {serving.Result})" : ""));
    }

    [Fact]
    public async Task KeyList_EmptyStorageFile_FailsWithOneLineAndLeavesTheFileUnchanged()
    {
        string database = _temp.Write("store/nomadic.db", "");
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("workspace", "key", "list", "team", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "no workspace named 'team'");
        before.AssertUnchanged();
    }

    [Fact]
    public async Task KeyList_StorageWithKeys_LeavesTheDatabaseFileUnchanged()
    {
        string database = _temp.File("nomadic.db");
        Assert.Equal(0, (await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database)).ExitCode);
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("workspace", "key", "list", "team", "--storage", database);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Keys of workspace 'team'", outcome.Stdout, StringComparison.Ordinal);
        before.AssertFileUnchanged();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KeyRevoke_StorageWithoutWorkspaces_FailsWithOneLineAndLeavesTheFileUnchanged(bool empty)
    {
        string database = empty ? _temp.Write("store/nomadic.db", "") : _temp.File("nomadic.db");
        if (!empty)
        {
            new Nomadic.Storage.Sqlite.SqliteExperimentStorage(database).Dispose();
        }

        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("workspace", "key", "revoke", "team", "1", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "no workspace named 'team'");
        before.AssertFileUnchanged();
    }
}
