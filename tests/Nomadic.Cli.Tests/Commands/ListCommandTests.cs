using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Commands;

public sealed class ListCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ls_StorageWithTwoExperiments_ListsEachWithCountsBestAndCreation()
    {
        string database = _temp.File("nomadic.db");
        await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database);
        string second = _temp.Write("second.yaml", "name: second\nobjective: {builtin: x2}\ndirection: maximize\nnum_samples: 5\n");
        await CliRunner.RunAsync("run", second, "--storage", database);

        CliOutcome outcome = await CliRunner.RunAsync("ls", "--storage", database);

        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Experiments in {database}", lines[0]);
        Assert.Matches(@"^\s+name\s+direction\s+completed\s+failed\s+running\s+best\s+created \(UTC\)$", lines[1]);
        Assert.Matches(@"^\s+x2\s+minimize\s+5\s+0\s+0\s+\d\S*\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", lines[2]);
        Assert.Matches(@"^\s+second\s+maximize\s+5\s+0\s+0\s+\d\S*\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task Ls_MissingStorageFile_FailsWithOneLineAndCreatesNothing()
    {
        string database = _temp.File("none.db");

        CliOutcome outcome = await CliRunner.RunAsync("ls", "--storage", database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "none.db: no such storage file");
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Ls_EmptyStorage_SaysSo()
    {
        CliOutcome outcome = await CliRunner.RunAsync("ls", "--storage", "memory");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("No experiments in memory.\n", outcome.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Ls_BadStorageUrl_ListsTheAcceptedForms()
    {
        CliOutcome outcome = await CliRunner.RunAsync("ls", "--storage", "nomadic");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "unrecognized storage \"nomadic\"", "sqlite:PATH");
    }

    [Fact]
    public async Task Ls_EmptyStorageFile_SaysSoAndLeavesTheFileUnchanged()
    {
        string database = _temp.Write("store/nomadic.db", "");
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("ls", "--storage", database);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"No experiments in {database}.\n", outcome.Stdout.ReplaceLineEndings("\n"));
        before.AssertUnchanged();
    }

    [Fact]
    public async Task Ls_StoredExperiments_LeavesTheDatabaseFileUnchanged()
    {
        string database = _temp.File("nomadic.db");
        Assert.Equal(0, (await CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", database)).ExitCode);
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("ls", "--storage", database);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("x2", outcome.Stdout, StringComparison.Ordinal);
        before.AssertFileUnchanged();
    }
}
