using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Optuna's importances of the same runs, from <c>bench/optuna_importance.py</c> run in this invocation.</summary>
internal static class OptunaImportance
{
    /// <summary>Writes the runs, runs the script and returns its result; null (with the reason logged) when it fails.</summary>
    public static async Task<JsonNode?> RunAsync(ImportanceBenchOptions options, IEnumerable<SampledRuns> samples, string temp, TextWriter log)
    {
        string script = Path.Combine(options.RepositoryRoot, "bench", "optuna_importance.py");
        string input = Path.Combine(temp, "runs.json");
        string output = Path.Combine(temp, "optuna_importance.json");
        await File.WriteAllTextAsync(input, new JsonObject { ["functions"] = new JsonArray([.. samples.Select(s => (JsonNode)s.ToJson())]) }.ToJsonString()).ConfigureAwait(false);
        var start = new ProcessStartInfo(options.Python);
        foreach (string argument in new[] { script, "--runs", input, "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        string? text = await PythonScript.RunAsync(start, output, "are optuna and scikit-learn installed? (apt-get install -y python3-optuna python3-sklearn)", log).ConfigureAwait(false);
        return text is null ? null : JsonNode.Parse(text);
    }
}
