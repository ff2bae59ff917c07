using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>
/// Optuna's studies from <c>optuna_multi_objective.py</c>: every trial's parameters and values, measured by the same
/// hypervolume code as ours, with two checks: our formulas at Optuna's parameters give Optuna's values, and our
/// hypervolume agrees with Optuna's WFG.
/// </summary>
internal sealed class OptunaFronts
{
    private readonly JsonObject _studies;

    private OptunaFronts(JsonNode root, string source)
    {
        _studies = root["studies"]?.AsObject() ?? throw new InvalidDataException("The Optuna result has no \"studies\".");
        Meta = root["meta"];
        Source = source;
    }

    /// <summary>Gets where the studies come from, for the report.</summary>
    public string Source { get; }

    /// <summary>Gets the script's description of its run.</summary>
    public JsonNode? Meta { get; }

    public static OptunaFronts Read(string path) => new(JsonNode.Parse(File.ReadAllText(path))!, "read from " + path);

    /// <summary>Runs the script with its output in <paramref name="temp"/>; null (with the reason logged) when it fails.</summary>
    public static async Task<OptunaFronts?> RunAsync(MultiObjectiveOptions options, string temp, TextWriter log)
    {
        string output = Path.Combine(temp, "optuna_multi_objective.json");
        var start = new ProcessStartInfo(options.Python);
        foreach (string argument in new[]
        {
            options.Script, "--samplers", string.Join(',', options.OptunaSamplers), "--seeds", options.Seeds.ToString(CultureInfo.InvariantCulture),
            "--budgets", string.Join(',', options.Budgets), "--problems", string.Join(',', options.Problems.Select(p => p.Name)),
            "--jobs", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "--out", output,
        })
        {
            start.ArgumentList.Add(argument);
        }

        string? text = await PythonScript.RunAsync(start, output, "is optuna installed? (apt-get install -y python3-optuna)", log).ConfigureAwait(false);
        return text is null ? null : new OptunaFronts(JsonNode.Parse(text)!, "run in this invocation");
    }

    /// <summary>The hypervolumes after <paramref name="budget"/> trials for seeds 0..<paramref name="seeds"/> − 1, or null when missing.</summary>
    public double[]? Hypervolumes(Problem problem, string sampler, int budget, int seeds)
    {
        var volumes = new double[seeds];
        for (int seed = 0; seed < seeds; seed++)
        {
            if (Study(problem, sampler, seed) is not JsonObject study)
            {
                return null;
            }

            volumes[seed] = problem.Hypervolume(Values(study).Take(budget));
        }

        return volumes;
    }

    /// <summary>The wall times of the studies of seeds 0..<paramref name="seeds"/> − 1, in seconds, as far as they exist.</summary>
    public double[] WallSeconds(Problem problem, string sampler, int seeds) =>
        [.. Enumerable.Range(0, seeds).Select(seed => Study(problem, sampler, seed)?["wall_s"]).OfType<JsonNode>().Select(w => (double)w)];

    /// <summary>
    /// Checks every stored study: the largest relative difference between Optuna's objective values and our formulas at
    /// its parameters, and between Optuna's hypervolume (WFG) and ours at each budget.
    /// </summary>
    public (double Formulas, double Hypervolume, int Studies) Check(IReadOnlyList<Problem> problems)
    {
        double formulas = 0;
        double volumes = 0;
        int studies = 0;
        foreach (Problem problem in problems)
        {
            foreach (KeyValuePair<string, JsonNode?> sampler in _studies[problem.Name]?.AsObject() ?? [])
            {
                foreach (KeyValuePair<string, JsonNode?> seed in sampler.Value!.AsObject())
                {
                    studies++;
                    var study = seed.Value!.AsObject();
                    List<double[]> values = Values(study);
                    SearchSpace space = problem.CreateSpace();
                    JsonArray parameters = study["params"]!.AsArray();
                    for (int t = 0; t < values.Count; t++)
                    {
                        var configuration = parameters[t]!.AsObject().ToDictionary(p => p.Key, p => Parameter(space[p.Key], p.Value!));
                        double[] ours = problem.Values(problem.Evaluate(configuration));
                        formulas = Math.Max(formulas, ours.Zip(values[t], Relative).Max());
                    }

                    foreach (KeyValuePair<string, JsonNode?> budget in study["hypervolume"]!.AsObject())
                    {
                        double ours = problem.Hypervolume(values.Take(int.Parse(budget.Key, CultureInfo.InvariantCulture)));
                        volumes = Math.Max(volumes, Relative(ours, (double)budget.Value!));
                    }
                }
            }
        }

        return (formulas, volumes, studies);
    }

    private JsonObject? Study(Problem problem, string sampler, int seed) =>
        _studies[problem.Name]?[sampler]?[seed.ToString(CultureInfo.InvariantCulture)] as JsonObject;

    private static List<double[]> Values(JsonObject study) =>
        [.. study["values"]!.AsArray().Select(v => v!.AsArray().Select(x => (double)x!).ToArray())];

    private static object? Parameter(Domain domain, JsonNode value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => (string)value!,
        _ when domain is IntDomain => (int)value,
        _ => (double)value,
    };

    private static double Relative(double a, double b) => Math.Abs(a - b) / Math.Max(1e-12, Math.Max(Math.Abs(a), Math.Abs(b)));
}
