using System.Globalization;

namespace Nomadic.Bench;

/// <summary>
/// How much of the machine other people's processes used while we measured: the machine's busy CPU time (/proc/stat)
/// minus ours, which is this process with its finished children (the worker processes) and the PostgreSQL server with
/// its backends. The load average cannot tell, since it counts our own worker processes.
/// </summary>
internal sealed class CpuAccounting(int? postmasterPid)
{
    public Snapshot Take() => new(MachineTicks(), TreeTicks(Environment.ProcessId) + (postmasterPid is int pid ? TreeTicks(pid) : 0));

    /// <summary>The share of all CPUs that processes other than ours used between two snapshots, or null where /proc is missing.</summary>
    public static double? OthersShare(Snapshot from, Snapshot to)
    {
        if (from.Machine is not { } a || to.Machine is not { } b || b.Total <= a.Total)
        {
            return null;
        }

        double others = (b.Busy - a.Busy) - (to.Ours - from.Ours);
        return Math.Round(Math.Clamp(others / (b.Total - a.Total), 0, 1), 3);
    }

    /// <summary>Reads the server's process id from its data directory's postmaster.pid.</summary>
    public static int? PostmasterPid(string? dataDirectory)
    {
        string? path = dataDirectory is null ? null : Path.Combine(dataDirectory, "postmaster.pid");
        return path is not null && File.Exists(path) && int.TryParse(File.ReadLines(path).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid)
            ? pid
            : null;
    }

    private static (long Busy, long Total)? MachineTicks()
    {
        string? line = ReadFirstLine("/proc/stat");
        if (line is null)
        {
            return null;
        }

        long[] v = [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
        long total = v.Sum();
        return (total - v[3] - v[4], total);
    }

    // A process's own CPU time and its waited-for children's, plus the own time of its children still running.
    private static long TreeTicks(int pid)
    {
        long ticks = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out int id) || ReadStat(id) is not { } stat)
            {
                continue;
            }

            if (id == pid)
            {
                ticks += stat.Self + stat.Children;
            }
            else if (stat.Parent == pid)
            {
                ticks += stat.Self;
            }
        }

        return ticks;
    }

    private static (int Parent, long Self, long Children)? ReadStat(int pid)
    {
        string? line = ReadFirstLine($"/proc/{pid}/stat");
        int close = line?.LastIndexOf(')') ?? -1;
        if (line is null || close < 0)
        {
            return null;
        }

        // Fields after the command name: state ppid ... utime(14) stime(15) cutime(16) cstime(17), numbered from pid = 1.
        string[] f = line[(close + 2)..].Split(' ');
        long F(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture);
        return ((int)F(4), F(14) + F(15), F(16) + F(17));
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The machine's busy and total CPU ticks and ours.</summary>
    internal readonly record struct Snapshot((long Busy, long Total)? Machine, long Ours);
}
