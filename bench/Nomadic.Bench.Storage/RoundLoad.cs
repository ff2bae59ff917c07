using System.Globalization;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>
/// The load around each round of measurements on a shared machine: before it, the machine's busy share while every
/// process of ours is idle (after waiting for quiet when asked to); after it, the share other processes used during it.
/// </summary>
internal sealed class RoundLoad(CpuAccounting cpu, double waitQuietSeconds, TextWriter log)
{
    private CpuAccounting.Snapshot _start;

    public JsonArray Records { get; } = [];

    public JsonObject Before(string name)
    {
        double? busy = waitQuietSeconds > 0
            ? Machine.WaitQuiet(TimeSpan.FromSeconds(waitQuietSeconds), log)
            : Machine.BusyShare(TimeSpan.FromSeconds(1));
        var round = new JsonObject
        {
            ["round"] = name,
            ["others_cpu_busy_share_before"] = busy is double b ? Math.Round(b, 3) : null,
        };
        Records.Add(round);
        _start = cpu.Take();
        return round;
    }

    /// <summary>Records and returns other people's share of the CPUs during the round (the load average would count our own workers).</summary>
    public double? After(JsonObject round)
    {
        double? others = CpuAccounting.OthersShare(_start, cpu.Take());
        round["others_cpu_busy_share_during"] = others;
        round["loadavg_1_5_15_after"] = Machine.LoadAverage() is double[] load ? Json.Array(load) : null;
        log.WriteLine($" (other processes used {(others is double o ? o.ToString("P0", CultureInfo.InvariantCulture) : "n/a")} of the CPUs)");
        return others;
    }
}
