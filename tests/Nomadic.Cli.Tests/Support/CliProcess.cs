using System.Diagnostics;

namespace Nomadic.Cli.Tests.Support;

/// <summary>The built <c>nomadic</c> command as a child process (<c>dotnet Nomadic.Cli.dll ...</c>), its output captured.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CliProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the command in a folder.</summary>
    public static CliProcess Start(string workingDirectory, params string[] args) => StartUnder([], workingDirectory, args);

    /// <summary>Starts the command in a folder under another program (e.g. <c>timeout</c>), which gets the command line after its own arguments.</summary>
    public static CliProcess StartUnder(string[] wrapper, string workingDirectory, params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in wrapper.Skip(1).Concat(wrapper.Length > 0 ? [dotnet] : []))
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the command to end and returns what it did.</summary>
    /// <exception cref="TimeoutException">It did not end in time; it is killed, and the message ends with what it wrote.</exception>
    public async Task<CliOutcome> WaitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Kill();
            string output = (await _stdout) + (await _stderr);
            throw new TimeoutException($"nomadic did not end within {timeout.TotalSeconds} s; its output ended with: {output[Math.Max(0, output.Length - 2000)..]}");
        }

        return new CliOutcome(_process.ExitCode, (await _stdout).ReplaceLineEndings("\n"), (await _stderr).ReplaceLineEndings("\n"));
    }

    /// <summary>Kills the command with SIGKILL, as a crash or a lost machine would: nothing runs after it.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
