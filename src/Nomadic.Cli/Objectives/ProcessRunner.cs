using System.Diagnostics;

namespace Nomadic.Cli.Objectives;

/// <summary>
/// Runs one process without a shell, reading stdout and stderr concurrently so a chatty command never blocks on a
/// full pipe, and keeping only what is needed: the last stdout line that is not a progress report, and the stderr tail.
/// No line is kept longer than <see cref="MaxLineChars"/>, so a command printing gigabytes cannot fill the memory.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>The most characters of an output line read: 16 MiB, far more than a score with its metadata needs.</summary>
    public const int MaxLineChars = 16 * 1024 * 1024;

    private const int TailLines = 5;
    private const int TailChars = 500;
    private const int InterruptedBySigint = 130;
    private const int TerminatedBySigterm = 143;
    private static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(1);

    /// <summary>Runs the process to its end.</summary>
    /// <param name="start">The start info; output redirection is set here.</param>
    /// <param name="isReport">Sees each non-empty stdout line as it arrives (trimmed) and tells whether it is a progress report rather than a score candidate.</param>
    /// <param name="cancellationToken">Kills the process and all its children when cancelled.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="OperationCanceledException">The token fired; the process tree was killed.</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static async Task<ProcessOutcome> RunAsync(ProcessStartInfo start, Func<string, bool> isReport, CancellationToken cancellationToken)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();
        var stdout = new BoundedLineReader(process.StandardOutput, MaxLineChars);
        Task<string?> lastLine = LastLineAsync(stdout, isReport);
        Task<string> stderrTail = TailAsync(new BoundedLineReader(process.StandardError, MaxLineChars));
        using (cancellationToken.Register(() => Kill(process)))
        {
            await process.WaitForExitAsync(CancellationToken.None);

            // A background child of the command may keep the pipes open after it exits; cancellation still ends the wait.
            await Task.WhenAll((Task)lastLine, stderrTail).WaitAsync(cancellationToken);
        }

        if (process.ExitCode is InterruptedBySigint or TerminatedBySigterm && !cancellationToken.IsCancellationRequested)
        {
            await WaitForCancellationAsync(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessOutcome(process.ExitCode, await lastLine, await stderrTail) { OutputLineTooLong = stdout.SawLongLine };
    }

    // Ctrl+C on a terminal signals the whole process group, so the command may die of it a moment before the
    // experiment's token is cancelled; waiting briefly lets the run count as interrupted rather than failed.
    private static async Task WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(SignalGrace, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Cancelled: the caller throws.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // The process has already exited.
        }
    }

    private static async Task<string?> LastLineAsync(BoundedLineReader reader, Func<string, bool> isReport)
    {
        string? last = null;
        while (await reader.ReadLineAsync() is string line)
        {
            if (!string.IsNullOrWhiteSpace(line) && line.Trim() is var trimmed && !isReport(trimmed))
            {
                last = trimmed;
            }
        }

        return last;
    }

    private static async Task<string> TailAsync(BoundedLineReader reader)
    {
        var lines = new Queue<string>(TailLines + 1);
        while (await reader.ReadLineAsync() is string line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Enqueue(line.Trim());
                if (lines.Count > TailLines)
                {
                    lines.Dequeue();
                }
            }
        }

        string tail = string.Join(" | ", lines);
        return tail.Length <= TailChars ? tail : "..." + tail[^TailChars..];
    }
}
