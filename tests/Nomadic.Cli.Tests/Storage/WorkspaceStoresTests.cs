using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Storage;

/// <summary><c>nomadic workspace key list</c> only reads: on a PostgreSQL database without workspace tables it says so and creates none.</summary>
public sealed class WorkspaceStoresTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer _server;

    public WorkspaceStoresTests(PostgresServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task OpenForReading_PostgresWithoutWorkspaceTables_FailsInOneLineAndCreatesNothing()
    {
        string database = _server.CreateDatabase("noworkspace");

        CliOutcome outcome = await CliRunner.RunAsync("workspace", "key", "list", "team", "--storage", database);

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database);
        Assert.Equal(
            $"error: {builder.Host}:{builder.Port}/{builder.Database}: no workspace store in this database (nomadic serve or nomadic workspace key create makes one)",
            outcome.AssertOneErrorLine(ExitCodes.Usage));
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(true, _server.Execute("SELECT to_regnamespace('nomadic') IS NULL", database));
    }

    [Fact]
    public async Task OpenForReading_PostgresWithAWorkspace_ListsItsKeys()
    {
        string database = _server.CreateDatabase("workspace");
        CliOutcome created = await CliRunner.RunAsync("workspace", "key", "create", "team", "--storage", database);

        CliOutcome listed = await CliRunner.RunAsync("workspace", "key", "list", "team", "--storage", database);

        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Contains("Keys of workspace 'team'", listed.Stdout, StringComparison.Ordinal);
    }
}
