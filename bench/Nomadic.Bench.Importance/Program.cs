using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Parameter importance of the library against Optuna's on the same runs, and its speed at 10,000 runs.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) =>
        BenchHost.RunAsync(args, "nomadic-bench-importance", ImportanceBenchOptions.Parse, ImportanceBenchOptions.Usage, o => o.Help, async (options, temp, log) =>
        {
            (JsonObject result, string markdown) = await new ImportanceBenchmark(options, temp, log).RunAsync().ConfigureAwait(false);
            string markdownPath = await BenchHost.WriteAsync(options.OutPath, result, markdown).ConfigureAwait(false);
            log.WriteLine(markdown);
            log.WriteLine($"Wrote {options.OutPath} and {markdownPath}.");
            return 0;
        });
}
