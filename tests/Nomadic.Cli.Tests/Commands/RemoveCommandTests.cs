using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Commands;

public sealed class RemoveCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public RemoveCommandTests()
    {
        CliOutcome run = CliRunner.RunAsync("run", ExperimentFiles.Builtin(_temp), "--storage", Database).GetAwaiter().GetResult();
        Assert.Equal(0, run.ExitCode);
    }

    private string Database => _temp.File("nomadic.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Rm_Yes_DeletesTheExperimentAndItsRuns()
    {
        CliOutcome outcome = await CliRunner.RunAsync("rm", "x2", "--storage", Database, "--yes");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Deleted experiment 'x2' and its 5 runs from ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Empty(StoredTrials.Completed(Database, "x2"));
        CliOutcome show = await CliRunner.RunAsync("show", "x2", "--storage", Database);
        show.AssertOneErrorLine(ExitCodes.Usage, "no experiment named 'x2'; it holds no experiment");
    }

    [Fact]
    public async Task Rm_WithoutYesAndNoTerminal_RefusesAndKeepsTheExperiment()
    {
        CliOutcome outcome = await CliRunner.RunAsync("rm", "x2", "--storage", Database);

        outcome.AssertOneErrorLine(ExitCodes.Usage, "not deleting experiment 'x2' and its 5 runs", "standard input is not a terminal; pass --yes");
        Assert.Equal(5, StoredTrials.Completed(Database, "x2").Count);
    }

    [Theory]
    [InlineData("y\n", 0)]
    [InlineData("yes\n", 0)]
    [InlineData("n\n", 5)]
    [InlineData("\n", 5)]
    [InlineData("", 5)]
    public async Task Rm_AtATerminal_DeletesOnlyWhenTheAnswerIsYes(string answer, int left)
    {
        CliOutcome outcome = await CliRunner.RunInteractiveAsync(answer, "rm", "x2", "--storage", Database);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Delete experiment 'x2' and its 5 runs from ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(left, StoredTrials.Completed(Database, "x2").Count);
    }

    [Fact]
    public async Task Rm_UnknownExperiment_FailsWithOneLineNamingTheStoredOnes()
    {
        CliOutcome outcome = await CliRunner.RunAsync("rm", "x3", "--storage", Database, "--yes");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "no experiment named 'x3'; experiments there: x2");
        Assert.Equal(5, StoredTrials.Completed(Database, "x2").Count);
    }

    [Fact]
    public async Task Rm_NameInAnEmptyStorageFile_FailsWithOneLineAndLeavesTheFileUnchanged()
    {
        string database = _temp.Write("store/nomadic.db", "");
        var before = new FileSnapshot(database);

        CliOutcome outcome = await CliRunner.RunAsync("rm", "x2", "--storage", database, "--yes");

        outcome.AssertOneErrorLine(ExitCodes.Usage, $"{database}: no experiment named 'x2'; it holds no experiment");
        before.AssertUnchanged();
    }

    [Fact]
    public async Task Rm_UnknownExperiment_LeavesTheDatabaseFileUnchanged()
    {
        var before = new FileSnapshot(Database);

        CliOutcome outcome = await CliRunner.RunAsync("rm", "nope", "--storage", Database, "--yes");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "no experiment named 'nope'");
        before.AssertFileUnchanged();
    }
}
