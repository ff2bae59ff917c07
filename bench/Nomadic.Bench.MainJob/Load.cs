using System.Diagnostics;
using System.Globalization;

namespace Nomadic.Bench.MainJob;

/// <summary>How busy the machine is, from /proc.</summary>
internal static class Load
{
    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static double[] Averages() =>
        [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture))];

    /// <summary>Waits until other processes use less than a quarter of the CPUs over 5 s, for at most <paramref name="limit"/>; returns that share.</summary>
    public static double WaitQuiet(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            double busy = BusyShare(TimeSpan.FromSeconds(5));
            if (busy < 0.25 || clock.Elapsed >= limit)
            {
                return busy;
            }

            Console.Error.WriteLine($"  machine busy ({busy:P0} of the CPUs); waiting ({clock.Elapsed.TotalSeconds:F0}/{limit.TotalSeconds:F0} s)");
        }
    }

    private static double BusyShare(TimeSpan window)
    {
        (long busy0, long total0) = Ticks();
        Thread.Sleep(window);
        (long busy1, long total1) = Ticks();
        return (double)(busy1 - busy0) / Math.Max(1, total1 - total0);
    }

    private static (long Busy, long Total) Ticks()
    {
        string line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        long[] v = [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
        long idle = v[3] + v[4];
        return (v.Sum() - idle, v.Sum());
    }
}
