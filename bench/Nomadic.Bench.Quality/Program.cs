using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>
/// Tuner quality on the shared suite against Optuna (regret after each budget, over seeds), suggestion speed of TPE
/// against Optuna's at 1,000 finished trials and of the default tuner at 10,000, and the speed-up of concurrent runs.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        TextWriter log = Console.Out;
        string root = FindRepositoryRoot();
        QualityOptions options;
        try
        {
            options = QualityOptions.Parse(args, root);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + QualityOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.Help)
        {
            log.WriteLine(QualityOptions.Usage);
            return 0;
        }

        string temp = Path.Combine(Path.GetTempPath(), $"nomadic-bench-quality-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        try
        {
            (JsonObject result, string markdown) = await new QualityInvocation(options, temp, log).RunAsync().ConfigureAwait(false);
            return await WriteAsync(options, result, markdown, log).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<int> WriteAsync(QualityOptions options, JsonObject result, string markdown, TextWriter log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutPath)!);
        await File.WriteAllTextAsync(options.OutPath, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n").ConfigureAwait(false);
        string markdownPath = Path.ChangeExtension(options.OutPath, ".md");
        await File.WriteAllTextAsync(markdownPath, markdown).ConfigureAwait(false);
        log.WriteLine($"Wrote {options.OutPath} and {markdownPath}.");
        return 0;
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
