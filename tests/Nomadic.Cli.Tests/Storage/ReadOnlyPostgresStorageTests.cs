using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Storage;

/// <summary>
/// The commands that only read (ls, show, export, report, and rm before it asks) never write to a PostgreSQL database;
/// on one without a storage they, and worker, say so in one line with exit code 2, as for a missing SQLite file, and
/// create nothing.
/// </summary>
public sealed class ReadOnlyPostgresStorageTests : IClassFixture<PostgresServer>, IDisposable
{
    private readonly PostgresServer _server;
    private readonly TemporaryDirectory _temp = new();

    public ReadOnlyPostgresStorageTests(PostgresServer server)
    {
        _server = server;
    }

    public static TheoryData<string> Commands => ["ls", "show", "export", "report", "rm", "worker"];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_DatabaseWithoutStorage_FailsInOneLineAndCreatesNothing(string command)
    {
        string database = _server.CreateDatabase("empty");

        CliOutcome outcome = await CliRunner.RunAsync(Args(command, database));

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database);
        outcome.AssertOneErrorLine(ExitCodes.Usage, $"error: {builder.Host}:{builder.Port}/{builder.Database}: no experiment storage in this database");
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(true, _server.Execute("SELECT to_regnamespace('nomadic') IS NULL", database));
        Assert.False(File.Exists(_temp.File("report.html")));
    }

    [Fact]
    public async Task ReadCommands_StoredExperiment_ReadIt()
    {
        string database = _server.CreateDatabase("stored");
        CliOutcome run = await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);

        CliOutcome list = await CliRunner.RunAsync(Args("ls", database));
        CliOutcome show = await CliRunner.RunAsync(Args("show", database));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains("x2", list.Stdout, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("5 runs: 5 completed, 0 failed", show.Stdout, StringComparison.Ordinal);
    }

    private string[] Args(string command, string database) => command switch
    {
        "ls" => ["ls", "--storage", database],
        "report" => ["report", "x2", "--storage", database, "--output", _temp.File("report.html")],
        "rm" => ["rm", "x2", "--yes", "--storage", database],
        _ => [command, "x2", "--storage", database],
    };
}
