using System.Diagnostics;
using System.Text.Json.Nodes;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>Wall time of a sleeping objective, serial and with concurrent runs.</summary>
internal sealed record ConcurrencyRow(string Tuner, int Runs, int SleepMs, int Concurrency, double SerialSeconds, double ParallelSeconds)
{
    public const double Target = 1.10;

    /// <summary>Parallel wall time over the ideal (serial / concurrency); 1 is a perfect speed-up.</summary>
    public double Ratio => ParallelSeconds / (SerialSeconds / Concurrency);

    public JsonObject ToJson() => new()
    {
        ["tuner"] = Tuner,
        ["runs"] = Runs,
        ["sleep_ms"] = SleepMs,
        ["max_concurrent_trials"] = Concurrency,
        ["serial_s"] = Json.Number(SerialSeconds),
        ["parallel_s"] = Json.Number(ParallelSeconds),
        ["ratio_parallel_over_ideal"] = Json.Number(Ratio),
        ["target_met"] = Ratio <= Target,
    };
}

/// <summary>
/// An objective that only waits (<c>Task.Delay</c>), run serially and with <c>MaxConcurrentTrials</c> runs at a time:
/// the experiment's own scheduling is all that separates the parallel time from serial / concurrency.
/// </summary>
internal static class ConcurrencyCheck
{
    public static async Task<ConcurrencyRow> MeasureAsync(string tuner, int runs, int sleepMs, int concurrency)
    {
        double serial = await WallAsync(tuner, runs, sleepMs, 1).ConfigureAwait(false);
        double parallel = await WallAsync(tuner, runs, sleepMs, concurrency).ConfigureAwait(false);
        return new ConcurrencyRow(tuner, runs, sleepMs, concurrency, serial, parallel);
    }

    private static async Task<double> WallAsync(string tuner, int runs, int sleepMs, int concurrency)
    {
        var space = new SearchSpace { ["x"] = Tune.Uniform(-10, 10), ["k"] = Tune.RandInt(0, 100) };
        var options = new ExperimentOptions
        {
            Direction = Direction.Minimize,
            Tuner = QualityTuners.Get(tuner)(),
            NumSamples = runs,
            MaxConcurrentTrials = concurrency,
            Seed = 1,
        };
        using var experiment = new Experiment(
            space,
            async (p, token) =>
            {
                await Task.Delay(sleepMs, token).ConfigureAwait(false);
                double x = (double)p["x"]!;
                return (x * x) + (int)p["k"]!;
            },
            options);
        var clock = Stopwatch.StartNew();
        ExperimentResult result = await experiment.RunAsync().ConfigureAwait(false);
        return result.Count == runs ? clock.Elapsed.TotalSeconds : throw new InvalidOperationException($"{result.Count} of {runs} runs.");
    }
}
