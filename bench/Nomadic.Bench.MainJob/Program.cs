using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nomadic.Bench.MainJob;

// How long the README's main job takes as a user runs it: the command exactly as written, after the build, on a fresh
// copy of examples/rag each time (a second run over the same storage would resume instead of tuning).
int repeats = Option("--repeats", 5);
int waitQuiet = Option("--wait-quiet", 900);
string root = FindRoot();
string output = OptionText("--out") ?? Path.Combine(root, "bench", "results", "main_job.json");
string cli = Path.Combine(root, "src", "Nomadic.Cli");
string[] readmeCommand = ["run", "--project", cli, "--", "run"];
string[] appOnly = [Path.Combine(cli, "bin", "Debug", "net10.0", "Nomadic.Cli.dll"), "run"];

Console.Error.WriteLine("building src/Nomadic.Cli (Debug, as dotnet run does), then one discarded run");
Check(ChildProcess.Run("dotnet", ["build", cli], root));
Check(Timed(readmeCommand));

var runs = new JsonArray();
var wall = new List<double>();
var cpu = new List<double>();
var appWall = new List<double>();
var appCpu = new List<double>();
for (int r = 0; r < repeats; r++)
{
    double busy = Load.WaitQuiet(TimeSpan.FromSeconds(waitQuiet));
    double[] loadBefore = Load.Averages();
    ChildProcess full = Check(Timed(readmeCommand));
    ChildProcess app = Check(Timed(appOnly));
    wall.Add(full.WallSeconds);
    cpu.Add(full.CpuSeconds);
    appWall.Add(app.WallSeconds);
    appCpu.Add(app.CpuSeconds);
    Console.Error.WriteLine($"  repeat {r + 1}: {full.WallSeconds:F1} s wall, {full.CpuSeconds:F1} s CPU; program alone {app.WallSeconds:F1} s, {app.CpuSeconds:F1} s CPU (busy before {busy:P0})");
    runs.Add(new JsonObject
    {
        ["readme_command_wall_s"] = Math.Round(full.WallSeconds, 2),
        ["readme_command_cpu_s"] = Math.Round(full.CpuSeconds, 2),
        ["program_alone_wall_s"] = Math.Round(app.WallSeconds, 2),
        ["program_alone_cpu_s"] = Math.Round(app.CpuSeconds, 2),
        ["other_processes_cpu_share_before"] = Math.Round(busy, 3),
        ["loadavg_1_5_15_before"] = new JsonArray([.. loadBefore.Select(l => JsonValue.Create(l))]),
        ["loadavg_1_5_15_after"] = new JsonArray([.. Load.Averages().Select(l => JsonValue.Create(l))]),
    });
}

var result = new JsonObject
{
    ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    ["cores"] = Environment.ProcessorCount,
    ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
    ["dotnet"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    ["command"] = "dotnet run --project src/Nomadic.Cli -- run examples/rag/experiment.yaml",
    ["program_alone"] = "dotnet src/Nomadic.Cli/bin/Debug/net10.0/Nomadic.Cli.dll run examples/rag/experiment.yaml",
    ["repeats"] = repeats,
    ["median_wall_s"] = Median(wall),
    ["median_cpu_s"] = Median(cpu),
    ["min_max_wall_s"] = new JsonArray(Math.Round(wall.Min(), 2), Math.Round(wall.Max(), 2)),
    ["program_alone_median_wall_s"] = Median(appWall),
    ["program_alone_median_cpu_s"] = Median(appCpu),
    ["runs"] = runs,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

ChildProcess Timed(string[] command)
{
    string copy = Directory.CreateTempSubdirectory("nomadic-main-job").FullName;
    try
    {
        CopyExample(Path.Combine(root, "examples", "rag"), copy);
        return ChildProcess.Run("dotnet", [.. command, Path.Combine(copy, "experiment.yaml")], root);
    }
    finally
    {
        Directory.Delete(copy, recursive: true);
    }
}

static void CopyExample(string from, string to)
{
    foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        string relative = Path.GetRelativePath(from, file);
        if (relative.StartsWith("out", StringComparison.Ordinal) || relative.StartsWith("nomadic.db", StringComparison.Ordinal))
        {
            continue;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
        File.Copy(file, Path.Combine(to, relative));
    }
}

static ChildProcess Check(ChildProcess run) =>
    run.ExitCode == 0 ? run : throw new InvalidOperationException($"the command failed with exit code {run.ExitCode}");

static double Median(List<double> values)
{
    double[] sorted = [.. values.Order()];
    double middle = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    return Math.Round(middle, 2);
}

static string FindRoot()
{
    string? dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "Nomadic.slnx")))
    {
        dir = Path.GetDirectoryName(dir);
    }

    return dir ?? throw new InvalidOperationException("run from inside the repository");
}

int Option(string name, int fallback) =>
    OptionText(name) is string text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
