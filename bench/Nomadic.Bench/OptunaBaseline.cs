using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>One row of the Optuna overhead results.</summary>
internal sealed record OptunaRow(
    string Space,
    string Sampler,
    string Storage,
    int N,
    Stats PerTrialMs,
    Stats Tail10Ms,
    Stats? TrialsDataFrameMs,
    int[]? TrialsDataFrameShape);

/// <summary>The rival's numbers: runs the shared Optuna overhead script (or reads its JSON) and parses the result.</summary>
internal static class OptunaBaseline
{
    /// <summary>Runs the script with <c>--out</c> in <paramref name="tempDirectory"/>, echoing its output; returns the JSON text.</summary>
    public static async Task<string?> RunAsync(BenchOptions options, string tempDirectory, TextWriter log)
    {
        if (!File.Exists(options.OptunaScript))
        {
            log.WriteLine($"Optuna script not found: {options.OptunaScript} (use --optuna-script, --optuna-json or --no-optuna).");
            return null;
        }

        string output = Path.Combine(tempDirectory, "optuna_overhead.json");
        var start = new ProcessStartInfo(options.Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tempDirectory,
        };
        start.ArgumentList.Add(options.OptunaScript);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(output);
        start.ArgumentList.Add("--sqlite-url");
        start.ArgumentList.Add("sqlite:///" + Path.Combine(tempDirectory, "optuna_overhead_bench.db"));
        if (options.OptunaQuick)
        {
            start.ArgumentList.Add("--quick");
        }

        return await PythonScript.RunAsync(start, output, "is optuna installed? (apt-get install -y python3-optuna python3-pandas)", log).ConfigureAwait(false);
    }

    public static List<OptunaRow> Parse(JsonNode root)
    {
        var rows = new List<OptunaRow>();
        foreach (JsonNode? node in root["results"]?.AsArray() ?? [])
        {
            if (node is null)
            {
                continue;
            }

            rows.Add(new OptunaRow(
                (string)node["space"]!,
                (string)node["sampler"]!,
                (string)node["storage"]!,
                (int)node["n"]!,
                ReadStats(node["per_trial_ms"])!,
                ReadStats(node["tail10_per_trial_ms"])!,
                ReadStats(node["trials_dataframe_ms"]),
                node["trials_dataframe_shape"]?.AsArray().Select(v => (int)v!).ToArray()));
        }

        return rows;
    }

    public static JsonNode? ParseText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Stats? ReadStats(JsonNode? node) => node is null
        ? null
        : new Stats((double)node["min"]!, (double)node["median"]!, (double)node["max"]!, (int)node["n"]!);
}
