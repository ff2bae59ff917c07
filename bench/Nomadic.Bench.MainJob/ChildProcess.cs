using System.Diagnostics;
using System.Globalization;

namespace Nomadic.Bench.MainJob;

/// <summary>One timed run of a command: wall time, and the CPU time of the processes it started and waited for.</summary>
internal sealed record ChildProcess(double WallSeconds, double CpuSeconds, int ExitCode)
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/> and waits for it.
    /// CPU time is the growth of this process's reaped-children times (/proc/self/stat cutime + cstime, 100 ticks a
    /// second): the command and every descendant it waited for, so not a build server that outlives it. The command
    /// writes to this program's own output: a build server it starts would keep a pipe open, so none is read.
    /// </summary>
    public static ChildProcess Run(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        double cpuBefore = ReapedChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.WaitForExit();
        clock.Stop();
        double cpu = ReapedChildrenCpuSeconds() - cpuBefore;
        return new ChildProcess(clock.Elapsed.TotalSeconds, cpu, process.ExitCode);
    }

    private static double ReapedChildrenCpuSeconds()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }
}
