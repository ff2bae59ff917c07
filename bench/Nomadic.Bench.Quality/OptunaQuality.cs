using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Nomadic.Bench;

/// <summary>Optuna's best values per function, sampler and seed: from <c>optuna_quality.py</c> run now, or a stored raw result.</summary>
internal sealed class OptunaQuality
{
    private readonly JsonNode _bestValues;

    private OptunaQuality(JsonNode root, string source)
    {
        _bestValues = root["best_values"] ?? throw new InvalidDataException("The Optuna raw result has no \"best_values\".");
        Meta = root["meta"];
        Source = source;
    }

    /// <summary>Gets where the numbers come from, for the report.</summary>
    public string Source { get; }

    /// <summary>Gets the script's description of its run (Optuna version, seeds, argv).</summary>
    public JsonNode? Meta { get; }

    public static OptunaQuality Read(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))!, "read from " + path);

    /// <summary>Runs the script with its outputs in <paramref name="temp"/>; null (with the reason logged) when it fails.</summary>
    public static async Task<OptunaQuality?> RunAsync(QualityOptions options, IEnumerable<string> functions, string temp, TextWriter log)
    {
        string script = Path.Combine(options.SharedBench, "optuna_quality.py");
        if (!File.Exists(script))
        {
            log.WriteLine($"Optuna script not found: {script} (use --shared-bench, --optuna-results or --no-optuna).");
            return null;
        }

        string summary = Path.Combine(temp, "optuna_quality.json");
        string raw = Path.Combine(temp, "optuna_quality_raw.json");
        var start = new ProcessStartInfo(options.Python) { WorkingDirectory = options.SharedBench };
        foreach (string argument in new[]
        {
            script, "--samplers", string.Join(',', options.OptunaSamplers), "--seeds", options.Seeds.ToString(CultureInfo.InvariantCulture),
            "--budgets", string.Join(',', options.Budgets), "--functions", string.Join(',', functions),
            "--jobs", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "--out", summary, "--raw-out", raw,
        })
        {
            start.ArgumentList.Add(argument);
        }

        string? text = await PythonScript.RunAsync(start, raw, "is optuna installed? (apt-get install -y python3-optuna)", log).ConfigureAwait(false);
        return text is null ? null : new OptunaQuality(JsonNode.Parse(text)!, "run in this invocation");
    }

    /// <summary>The best values after <paramref name="budget"/> runs for seeds 0..<paramref name="seeds"/> − 1, or null when missing.</summary>
    public double[]? Best(string function, string sampler, int budget, int seeds)
    {
        if (_bestValues[function]?[sampler] is not JsonObject perSeed)
        {
            return null;
        }

        var values = new List<double>();
        for (int seed = 0; seed < seeds; seed++)
        {
            if (perSeed[seed.ToString(CultureInfo.InvariantCulture)]?["best"]?[budget.ToString(CultureInfo.InvariantCulture)] is not JsonNode value)
            {
                return null;
            }

            values.Add((double)value);
        }

        return [.. values];
    }
}
