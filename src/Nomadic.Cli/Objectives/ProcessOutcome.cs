namespace Nomadic.Cli.Objectives;

/// <summary>How a command ended: its exit code, the last non-empty stdout line that is not a progress report, and the tail of its stderr.</summary>
internal sealed record ProcessOutcome(int ExitCode, string? LastOutputLine, string StderrTail)
{
    /// <summary>Gets a value indicating whether a stdout line was longer than <see cref="ProcessRunner.MaxLineChars"/>.</summary>
    public bool OutputLineTooLong { get; init; }
}
