using System.Diagnostics;

namespace Nomadic.Tests.Support;

/// <summary>A library experiment in a child process (<c>Nomadic.ExperimentProcess</c>) over x = 0 .. runs-1, with a results journal and maybe a SQLite storage.</summary>
internal sealed class ExperimentProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private ExperimentProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the experiment; with <paramref name="hold"/> it opens its journal and waits for <see cref="Release"/> before running.</summary>
    public static ExperimentProcess Start(string journal, int runs, string? storage = null, bool hold = false)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Nomadic.ExperimentProcess.dll"));
        start.ArgumentList.Add(journal);
        start.ArgumentList.Add(runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (storage is not null)
        {
            start.ArgumentList.Add("--storage");
            start.ArgumentList.Add(storage);
        }

        if (hold)
        {
            start.ArgumentList.Add("--hold");
        }

        return new ExperimentProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the experiment has its journal open.</summary>
    public async Task WaitOpenAsync(TimeSpan timeout)
    {
        string? line = await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout);
        if (line != "open")
        {
            Assert.Fail($"the experiment process did not open its journal: {line} {await _stderr}");
        }
    }

    /// <summary>Lets a held experiment run.</summary>
    public void Release() => _process.StandardInput.WriteLine();

    /// <summary>Waits for the process to end and returns its exit code, standard output and standard error.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitAsync(TimeSpan timeout)
    {
        string stdout = await _process.StandardOutput.ReadToEndAsync().WaitAsync(timeout);
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return (_process.ExitCode, stdout, await _stderr);
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
