using System.Text.Json.Nodes;
using Nomadic.Objectives;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>A function of the shared suite: the search space as <c>suite.json</c> declares it, the library's formula and the optimum.</summary>
internal sealed record SuiteFunction(string Name, double Optimum, Func<SearchSpace> CreateSpace, BenchmarkFunction Formula);

/// <summary>Reads the shared suite (<c>suite.json</c>): functions in the listed order, their spaces and reference values.</summary>
internal sealed class SuiteFile
{
    private readonly JsonNode _root;

    private SuiteFile(JsonNode root) => _root = root;

    public static SuiteFile Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty."));

    /// <summary>The quality functions (<c>functions</c>), or the overhead objectives (<c>overhead_objectives</c>).</summary>
    public List<SuiteFunction> Functions(bool overhead = false) =>
        [.. _root[overhead ? "overhead_objectives" : "functions"]!.AsArray().Select(node => Read(node!))];

    /// <summary>Evaluates the library's formulas at every reference point; returns the number checked and the mismatches.</summary>
    public (int Checked, List<string> Mismatches) CheckReferenceValues()
    {
        int count = 0;
        var mismatches = new List<string>();
        foreach (JsonNode? function in _root["functions"]!.AsArray())
        {
            string name = (string)function!["name"]!;
            BenchmarkFunction formula = Formula(name);
            foreach (JsonNode? reference in function["reference_values"]?.AsArray() ?? [])
            {
                var parameters = reference!["params"]!.AsObject().ToDictionary(p => p.Key, p => Value(p.Value!));
                double expected = (double)reference["value"]!;
                double actual = formula.Evaluate(parameters);
                count++;
                if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected))
                {
                    mismatches.Add($"{name} at {string.Join(", ", parameters)}: {actual:R} instead of {expected:R}");
                }
            }
        }

        return (count, mismatches);
    }

    private static SuiteFunction Read(JsonNode node)
    {
        string name = (string)node["name"]!;
        JsonArray parameters = node["params"]!.AsArray();
        double optimum = node["optimum"]?["value"] is JsonNode value ? (double)value : double.NaN;
        return new SuiteFunction(name, optimum, () => Space(parameters), Formula(name));
    }

    /// <summary>Builds the space in the listed order; integer bounds are inclusive in the suite, RandInt's high is exclusive.</summary>
    private static SearchSpace Space(JsonArray parameters)
    {
        var space = new SearchSpace();
        foreach (JsonNode? p in parameters)
        {
            bool log = (bool?)p!["log"] ?? false;
            space.Add((string)p["name"]!, (string)p["type"]! switch
            {
                "float" => log ? Tune.LogUniform((double)p["low"]!, (double)p["high"]!) : Tune.Uniform((double)p["low"]!, (double)p["high"]!),
                "int" when ((int?)p["step"] ?? 1) != 1 => Tune.QRandInt((int)p["low"]!, (int)p["high"]!, (int)p["step"]!),
                "int" => log ? Tune.LogRandInt((int)p["low"]!, (int)p["high"]! + 1) : Tune.RandInt((int)p["low"]!, (int)p["high"]! + 1),
                "categorical" => Tune.Choice(p["choices"]!.AsArray().Select(c => (string)c!).ToArray()),
                var other => throw new InvalidDataException($"Unknown parameter type '{other}'."),
            });
        }

        return space;
    }

    private static BenchmarkFunction Formula(string name) =>
        BenchmarkFunctions.Find(name) ?? throw new InvalidDataException($"The library has no benchmark function '{name}'.");

    private static object? Value(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => (string)node!,
        _ when node.ToJsonString().Contains('.') || node.ToJsonString().Contains('e') => (double)node,
        _ => (int)node,
    };
}
