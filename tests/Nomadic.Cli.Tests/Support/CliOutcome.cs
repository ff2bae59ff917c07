namespace Nomadic.Cli.Tests.Support;

/// <summary>What a command did: its exit code and what it wrote.</summary>
internal sealed record CliOutcome(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Asserts the command failed with one error line (no stack trace) containing every fragment, and returns the line.</summary>
    public string AssertOneErrorLine(int exitCode, params string[] fragments)
    {
        Assert.Equal(exitCode, ExitCode);
        string[] lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, line, StringComparison.Ordinal);
        }

        return line;
    }
}
