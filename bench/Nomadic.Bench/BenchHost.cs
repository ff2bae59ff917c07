using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>
/// What every benchmark program does around its measurements: finds the repository, reads the options (printing the
/// usage on a bad argument or <c>--help</c>), gives the measurements a temporary folder deleted afterwards, and writes
/// the JSON result beside its markdown table.
/// </summary>
internal static class BenchHost
{
    /// <summary>Runs a benchmark program.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="name">The temporary folder's name, before the process id.</param>
    /// <param name="parse">Reads the options from the command line and the repository root; throws <see cref="ArgumentException"/> on a bad argument.</param>
    /// <param name="usage">The usage text.</param>
    /// <param name="help">Whether the options ask for the usage only.</param>
    /// <param name="run">The measurements: the options, the temporary folder and the log; returns the exit code.</param>
    /// <returns>The exit code: 2 for a bad argument, else <paramref name="run"/>'s.</returns>
    public static async Task<int> RunAsync<TOptions>(
        string[] args, string name, Func<string[], string, TOptions> parse, string usage, Func<TOptions, bool> help, Func<TOptions, string, TextWriter, Task<int>> run)
    {
        TextWriter log = Console.Out;
        TOptions options;
        try
        {
            options = parse(args, FindRepositoryRoot());
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + usage).ConfigureAwait(false);
            return 2;
        }

        if (help(options))
        {
            log.WriteLine(usage);
            return 0;
        }

        string temp = Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        try
        {
            return await run(options, temp, log).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Writes the result as indented JSON at <paramref name="outPath"/> and the markdown beside it (same name, <c>.md</c>).</summary>
    /// <returns>The markdown file's path.</returns>
    public static async Task<string> WriteAsync(string outPath, JsonObject result, string markdown)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.WriteAllTextAsync(outPath, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n").ConfigureAwait(false);
        string markdownPath = Path.ChangeExtension(outPath, ".md");
        await File.WriteAllTextAsync(markdownPath, markdown).ConfigureAwait(false);
        return markdownPath;
    }

    /// <summary>The directory holding Nomadic.slnx, searched upwards from the working directory, then from the program.</summary>
    public static string FindRepositoryRoot()
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
