using System.Diagnostics;
using Nomadic.Experiments;
using Nomadic.Objectives;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>What one process saw of one stored experiment: its own runs' timestamps (Stopwatch ticks, one clock for all processes on the machine).</summary>
internal sealed record RunTimes(int OwnRuns, int TotalRuns, long Start, long End, long FirstRun, long LastRun, double Head10Us, double Tail10Us, double Best)
{
    public double WallMs => Stopwatch.GetElapsedTime(Start, End).TotalMilliseconds;
}

/// <summary>The measured work: random search on x2 (<see cref="BenchmarkFunctions.X2"/>) through a storage, with <see cref="Experiment.RunAsync"/>.</summary>
internal static class X2Run
{
    /// <summary>Creates the experiment (which creates or opens it in the storage) with the shared budget of <paramref name="n"/> runs.</summary>
    public static Experiment Create(IExperimentStorage storage, string name, int n, int seed, RunStamps stamps) => new(
        BenchmarkFunctions.X2.SearchSpace,
        BenchmarkFunctions.X2.Evaluate,
        new ExperimentOptions
        {
            Name = name,
            Storage = storage,
            NumSamples = n,
            Seed = seed,
            Tuner = new RandomTuner(),
            Direction = Direction.Minimize,
            Progress = stamps,
        });

    /// <summary>Runs a created experiment and times it.</summary>
    public static async Task<RunTimes> RunAsync(Experiment experiment, RunStamps stamps)
    {
        long start = Stopwatch.GetTimestamp();
        ExperimentResult result = await experiment.RunAsync().ConfigureAwait(false);
        long end = Stopwatch.GetTimestamp();
        return stamps.Times(start, end, result.Count, result.Count > 0 ? result.BestRunResult.Score : double.NaN);
    }

    /// <summary>Opens the storage, runs <paramref name="n"/> runs in a new experiment and closes it: the warm-up of a process.</summary>
    public static async Task WarmUpAsync(Engine engine, string location, string name, int n, int seed)
    {
        using IExperimentStorage storage = Engines.Open(engine, location);
        var stamps = new RunStamps(n);
        await RunAsync(Create(storage, name, n, seed, stamps), stamps).ConfigureAwait(false);
    }
}

/// <summary>Records a timestamp as each of this process's runs finishes (the experiment's progress callback).</summary>
internal sealed class RunStamps(int capacity) : IProgress<RunResult>
{
    private readonly long[] _stamps = new long[capacity];
    private int _count;

    public void Report(RunResult value)
    {
        if (_count < _stamps.Length)
        {
            _stamps[_count++] = Stopwatch.GetTimestamp();
        }
    }

    public RunTimes Times(long start, long end, int totalRuns, double best)
    {
        int n = _count;
        if (n == 0)
        {
            return new RunTimes(0, totalRuns, start, end, end, end, double.NaN, double.NaN, best);
        }

        int k = Math.Max(1, n / 10);
        ReadOnlySpan<long> s = _stamps.AsSpan(0, n);
        double head = Stopwatch.GetElapsedTime(start, s[k - 1]).TotalMicroseconds / k;
        double tail = n > k ? Stopwatch.GetElapsedTime(s[n - k - 1], s[n - 1]).TotalMicroseconds / k : head;
        return new RunTimes(n, totalRuns, start, end, s[0], s[n - 1], head, tail, best);
    }
}
