using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>
/// Tuner quality on the shared suite against Optuna (regret after each budget, over seeds), suggestion speed of TPE
/// against Optuna's at 1,000 finished trials and of the default tuner at 10,000, and the speed-up of concurrent runs.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) =>
        BenchHost.RunAsync(args, "nomadic-bench-quality", QualityOptions.Parse, QualityOptions.Usage, o => o.Help, async (options, temp, log) =>
        {
            (JsonObject result, string markdown) = await new QualityInvocation(options, temp, log).RunAsync().ConfigureAwait(false);
            string markdownPath = await BenchHost.WriteAsync(options.OutPath, result, markdown).ConfigureAwait(false);
            log.WriteLine($"Wrote {options.OutPath} and {markdownPath}.");
            return 0;
        });
}
