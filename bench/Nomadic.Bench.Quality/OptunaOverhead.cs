using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Optuna's TPE time per trial once n trials exist: measured now by <c>bench/optuna_tpe_overhead.py</c>, or read from a stored overhead result.</summary>
internal sealed class OptunaOverhead
{
    private readonly JsonNode _root;

    private OptunaOverhead(JsonNode root, string source)
    {
        _root = root;
        Source = source;
    }

    public string Source { get; }

    public JsonNode Root => _root;

    public static OptunaOverhead Read(string path) => new(JsonNode.Parse(File.ReadAllText(path))!, "read from " + path);

    public static async Task<OptunaOverhead?> RunAsync(QualityOptions options, int n, string temp, TextWriter log)
    {
        string script = Path.Combine(options.RepositoryRoot, "bench", "optuna_tpe_overhead.py");
        string output = Path.Combine(temp, "optuna_tpe_overhead.json");
        var start = new ProcessStartInfo(options.Python) { WorkingDirectory = temp };
        foreach (string argument in new[] { script, "--shared-bench", options.SharedBench, "--out", output, "--n", n.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        string? text = await PythonScript.RunAsync(start, output, "is optuna installed? (apt-get install -y python3-optuna)", log).ConfigureAwait(false);
        return text is null ? null : new OptunaOverhead(JsonNode.Parse(text)!, "measured in this invocation");
    }

    /// <summary>The TPE in-memory row of a space at <paramref name="n"/> trials: (median ms per trial, median last-10% ms per trial).</summary>
    public (double PerTrialMs, double TailMs)? Tpe(string space, int n)
    {
        JsonNode? row = _root["results"]?.AsArray().FirstOrDefault(r =>
            (string?)r?["space"] == space && (string?)r?["sampler"] == "tpe" && (string?)r?["storage"] == "memory" && (int?)r?["n"] == n);
        return row is null ? null : ((double)row["per_trial_ms"]!["median"]!, (double)row["tail10_per_trial_ms"]!["median"]!);
    }
}
