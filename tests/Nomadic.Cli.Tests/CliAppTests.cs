using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_NoCommand_PrintsOneErrorLineAndExitsTwo()
    {
        CliOutcome outcome = await CliRunner.RunAsync();

        outcome.AssertOneErrorLine(ExitCodes.Usage, "see nomadic --help");
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_PrintsOneErrorLineAndExitsTwo()
    {
        CliOutcome outcome = await CliRunner.RunAsync("tune", "x.json");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "tune");
    }

    [Fact]
    public async Task RunAsync_MissingArgument_PrintsOneErrorLineAndExitsTwo()
    {
        CliOutcome outcome = await CliRunner.RunAsync("run");

        outcome.AssertOneErrorLine(ExitCodes.Usage, "experiment");
    }

    [Fact]
    public async Task RunAsync_Help_ListsTheCommands()
    {
        CliOutcome outcome = await CliRunner.RunAsync("--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("run", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("show", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("export", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RunHelp_DescribesTheOutDirOption()
    {
        CliOutcome outcome = await CliRunner.RunAsync("run", "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--out-dir", outcome.Stdout, StringComparison.Ordinal);
    }
}
