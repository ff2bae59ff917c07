using System.Diagnostics;

namespace Nomadic.Bench;

/// <summary>One worker process of a measurement, in milliseconds from its spawn, or from the start signal for the run.</summary>
internal sealed record ProcessTimes(
    double RuntimeStartMs,
    double WarmUpMs,
    double OpenMs,
    double ReadyMs,
    double GoLatencyMs,
    int OwnRuns,
    double Head10Us,
    double Tail10Us,
    double LastRunMs,
    double DoneMs,
    double ExitMs);

/// <summary>
/// Starts worker processes of this program on one storage and one experiment, waits until every one has warmed up and
/// joined the experiment, then starts the clock and tells them all to go; the clock stops when the last one has exited.
/// </summary>
internal static class WorkerGroup
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(10);

    public static async Task<(double WallMs, List<ProcessTimes> Processes)> RunAsync(
        Engine engine, string location, Func<string> warmUp, string name, int n, int processes, int seed, TextWriter log)
    {
        var workers = new List<WorkerProcess>();
        try
        {
            for (int i = 0; i < processes; i++)
            {
                workers.Add(WorkerProcess.Start(i, Worker.Arguments(engine, location, warmUp(), name, n, seed + (1000 * i)), log));
            }

            foreach (WorkerProcess worker in workers)
            {
                await worker.WaitReadyAsync(ReadyTimeout).ConfigureAwait(false);
            }

            // The workers are idle now; a short pause lets the last one's background compilation settle too.
            Thread.Sleep(100);
            long go = Stopwatch.GetTimestamp();
            foreach (WorkerProcess worker in workers)
            {
                worker.Go();
            }

            long[] exited = await Task.WhenAll(workers.Select(w => w.WaitExitAsync())).ConfigureAwait(false);
            double wallMs = Stopwatch.GetElapsedTime(go, exited.Max()).TotalMilliseconds;
            var times = new List<ProcessTimes>();
            for (int i = 0; i < workers.Count; i++)
            {
                times.Add(workers[i].Times(go, exited[i]));
            }

            return (wallMs, times);
        }
        finally
        {
            foreach (WorkerProcess worker in workers)
            {
                worker.Dispose();
            }
        }
    }
}
