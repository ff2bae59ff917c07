using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>A started worker process: its output lines, its READY and RESULT messages, its exit.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly long _spawned;
    private readonly TaskCompletionSource<JsonObject> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<JsonObject> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _index;

    private WorkerProcess(int index, Process process, long spawned)
    {
        _index = index;
        _process = process;
        _spawned = spawned;
    }

    public static WorkerProcess Start(int index, IEnumerable<string> arguments, TextWriter log)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("The program's path is unknown.");
        var start = new ProcessStartInfo(self)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Worker).Assembly.Location);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        long spawned = Stopwatch.GetTimestamp();
        Process process = Process.Start(start) ?? throw new InvalidOperationException("A worker process did not start.");
        var worker = new WorkerProcess(index, process, spawned);
        process.OutputDataReceived += (_, e) => worker.OnOutput(e.Data, log);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.WriteLine($"  worker {index} ! {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        Task finished = await Task.WhenAny(_ready.Task, _process.WaitForExitAsync(), Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != _ready.Task)
        {
            throw new InvalidOperationException(_process.HasExited
                ? $"Worker {_index} exited with code {_process.ExitCode} before it was ready."
                : $"Worker {_index} was not ready after {timeout.TotalSeconds:F0} s.");
        }
    }

    public void Go()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
    }

    /// <summary>Waits for the exit and returns its timestamp; throws when the worker failed.</summary>
    public async Task<long> WaitExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        long exited = Stopwatch.GetTimestamp();
        if (_process.ExitCode != 0 || !_result.Task.IsCompleted)
        {
            throw new InvalidOperationException($"Worker {_index} failed (exit code {_process.ExitCode}).");
        }

        return exited;
    }

    public ProcessTimes Times(long go, long exited)
    {
        JsonObject ready = _ready.Task.Result;
        JsonObject result = _result.Task.Result;
        long entry = (long)ready["entry"]!, warmedUp = (long)ready["warmed_up"]!, opened = (long)ready["opened"]!;
        return new ProcessTimes(
            RuntimeStartMs: Ms(_spawned, entry),
            WarmUpMs: Ms(entry, warmedUp),
            OpenMs: Ms(warmedUp, opened),
            ReadyMs: Ms(_spawned, opened),
            GoLatencyMs: Ms(go, (long)result["start"]!),
            OwnRuns: (int)result["own_runs"]!,
            Head10Us: (double?)result["head10_us"] ?? double.NaN,
            Tail10Us: (double?)result["tail10_us"] ?? double.NaN,
            LastRunMs: Ms(go, (long)result["last_run"]!),
            DoneMs: Ms(go, (long)result["end"]!),
            ExitMs: Ms(go, exited));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private void OnOutput(string? line, TextWriter log)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(Worker.Ready, StringComparison.Ordinal))
        {
            _ready.TrySetResult(JsonNode.Parse(line[Worker.Ready.Length..])!.AsObject());
        }
        else if (line.StartsWith(Worker.Result, StringComparison.Ordinal))
        {
            _result.TrySetResult(JsonNode.Parse(line[Worker.Result.Length..])!.AsObject());
        }
        else
        {
            log.WriteLine($"  worker {_index} | {line}");
        }
    }
}
