using System.Diagnostics;

namespace Nomadic.Bench;

/// <summary>Runs one of the Optuna harness scripts, echoing its output, and returns the JSON file it wrote.</summary>
internal static class PythonScript
{
    /// <summary>Starts <paramref name="start"/>, waits for it and reads <paramref name="output"/>; null (with a logged reason) on failure.</summary>
    public static async Task<string?> RunAsync(ProcessStartInfo start, string output, string installHint, TextWriter log)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        log.WriteLine($"$ {start.FileName} {string.Join(' ', start.ArgumentList)}");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.WriteLine($"Cannot start {start.FileName}: {e.Message}");
            return null;
        }

        using (process)
        {
            process.OutputDataReceived += (_, e) => Echo(log, "  optuna | ", e.Data);
            process.ErrorDataReceived += (_, e) => Echo(log, "  optuna ! ", e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                log.WriteLine($"The Optuna script failed (exit code {process.ExitCode}); {installHint}");
                return null;
            }
        }

        return await File.ReadAllTextAsync(output).ConfigureAwait(false);
    }

    private static void Echo(TextWriter log, string prefix, string? line)
    {
        if (line is not null)
        {
            log.WriteLine(prefix + line);
        }
    }
}
