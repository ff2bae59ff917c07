using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Nomadic.Experiments;

namespace Nomadic.Bench;

/// <summary>What the measurements ran on, and how busy the machine was.</summary>
internal static class Machine
{
    public static JsonObject Describe(string repositoryRoot)
    {
        Assembly library = typeof(Experiment).Assembly;
        return new JsonObject
        {
            ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["cores"] = Environment.ProcessorCount,
            ["cpu_model"] = CpuModel(),
            ["memory_gib"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
            ["os"] = OsName(),
            ["os_description"] = RuntimeInformation.OSDescription,
            ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["runtime_version"] = Environment.Version.ToString(),
            ["server_gc"] = GCSettings.IsServerGC,
            ["concurrent_gc"] = AppContext.TryGetSwitch("System.GC.Concurrent", out bool concurrent) ? concurrent : null,
            ["gc_latency_mode"] = GCSettings.LatencyMode.ToString(),
            ["tiered_compilation"] = "runtime default",
            ["library_version"] = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            ["library_optimized"] = IsOptimized(library),
            ["bench_optimized"] = IsOptimized(typeof(Machine).Assembly),
            ["git_commit"] = Git(repositoryRoot, "rev-parse HEAD"),
            ["git_uncommitted_library_files"] = Git(repositoryRoot, "status --porcelain -- src") is string status
                ? status.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length
                : null,
        };
    }

    /// <summary>Whether an assembly was compiled with optimizations (a Release build).</summary>
    public static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    /// <summary>The 1, 5 and 15 minute load averages, or null where /proc is missing.</summary>
    public static double[]? LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return [.. parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture))];
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

    /// <summary>
    /// The share of all CPUs busy over <paramref name="window"/> (0..1), from /proc/stat; this process is idle meanwhile,
    /// so it is the load of everything else. Null where /proc is missing.
    /// </summary>
    public static double? BusyShare(TimeSpan window)
    {
        (long Busy, long Total)? first = CpuTicks();
        Thread.Sleep(window);
        (long Busy, long Total)? second = CpuTicks();
        if (first is not { } a || second is not { } b || b.Total <= a.Total)
        {
            return null;
        }

        return (double)(b.Busy - a.Busy) / (b.Total - a.Total);
    }

    public static JsonObject LoadSnapshot(string when)
    {
        double[]? load = LoadAverage();
        double? busy = BusyShare(TimeSpan.FromSeconds(1));
        return new JsonObject
        {
            ["when"] = when,
            ["loadavg_1_5_15"] = load is null ? null : Json.Array(load),
            ["cpu_busy_share_1s"] = busy is double b ? Math.Round(b, 3) : null,
        };
    }

    /// <summary>Waits until other processes use less than a quarter of the CPUs, for at most <paramref name="limit"/>.</summary>
    public static double? WaitQuiet(TimeSpan limit, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        double? busy = null;
        while (true)
        {
            busy = BusyShare(TimeSpan.FromSeconds(2));
            if (busy is not double share || share < 0.25 || clock.Elapsed >= limit)
            {
                return busy;
            }

            log.WriteLine($"  machine busy ({share:P0} of the CPUs); waiting for quiet ({clock.Elapsed.TotalSeconds:F0}/{limit.TotalSeconds:F0} s)");
        }
    }

    private static (long Busy, long Total)? CpuTicks()
    {
        try
        {
            string? line = File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            if (line is null)
            {
                return null;
            }

            long[] v = [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
            long idle = v[3] + (v.Length > 4 ? v[4] : 0);
            long total = v.Take(Math.Min(v.Length, 8)).Sum();
            return (total - idle, total);
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

    private static string CpuModel()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string OsName()
    {
        try
        {
            string? pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return pretty is null ? RuntimeInformation.OSDescription : pretty["PRETTY_NAME=".Length..].Trim('"');
        }
        catch (IOException)
        {
            return RuntimeInformation.OSDescription;
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.OSDescription;
        }
    }

    private static string? Git(string root, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
