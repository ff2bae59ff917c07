using System.Diagnostics;
using Nomadic.Results;

namespace Nomadic.Bench;

/// <summary>Takes a timestamp after each finished run, on the thread that finished it.</summary>
internal sealed class RunStamps : IProgress<RunResult>
{
    public List<long> Stamps { get; } = [];

    public void Report(RunResult value) => Stamps.Add(Stopwatch.GetTimestamp());

    /// <summary>The mean ms per run over runs (<paramref name="n"/> − n/10, <paramref name="n"/>], like the Optuna script's tail.</summary>
    public double TailMs(int n)
    {
        int k = Math.Max(1, n / 10);
        return Stopwatch.GetElapsedTime(Stamps[n - k - 1], Stamps[n - 1]).TotalMilliseconds / k;
    }
}
