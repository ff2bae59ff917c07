using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Parameter importance of the library against Optuna's on the same runs, and its speed at 10,000 runs.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        TextWriter log = Console.Out;
        string root = FindRepositoryRoot();
        ImportanceBenchOptions options;
        try
        {
            options = ImportanceBenchOptions.Parse(args, root);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + ImportanceBenchOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.Help)
        {
            log.WriteLine(ImportanceBenchOptions.Usage);
            return 0;
        }

        string temp = Path.Combine(Path.GetTempPath(), $"nomadic-bench-importance-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        try
        {
            (JsonObject result, string markdown) = await new ImportanceBenchmark(options, temp, log).RunAsync().ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(options.OutPath)!);
            await File.WriteAllTextAsync(options.OutPath, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n").ConfigureAwait(false);
            string markdownPath = Path.ChangeExtension(options.OutPath, ".md");
            await File.WriteAllTextAsync(markdownPath, markdown).ConfigureAwait(false);
            log.WriteLine(markdown);
            log.WriteLine($"Wrote {options.OutPath} and {markdownPath}.");
            return 0;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The directory holding Nomadic.slnx, searched upwards from the working directory, then from the program.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Nomadic.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
