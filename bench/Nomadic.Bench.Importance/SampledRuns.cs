using System.Text.Json.Nodes;
using Nomadic.Results;

namespace Nomadic.Bench;

/// <summary>
/// Random runs of one function (each parameter drawn from its domain, seeded; parameters whose condition does not hold
/// left out), as an experiment result and as JSON for the Optuna script.
/// </summary>
internal sealed class SampledRuns
{
    private SampledRuns(ImportanceFunction function, ExperimentResult result)
    {
        Function = function;
        Result = result;
    }

    public ImportanceFunction Function { get; }

    public ExperimentResult Result { get; }

    public static SampledRuns Draw(ImportanceFunction function, int runs, int seed)
    {
        var space = function.CreateSpace();
        var random = new Random(seed);
        var results = new List<RunResult>(runs);
        for (int i = 0; i < runs; i++)
        {
            Dictionary<string, object?> p = space.Activate(space.ToDictionary(kv => kv.Key, kv => kv.Value.Sample(random)));
            results.Add(new RunResult(function.Evaluate(p), p) { TrialNumber = i });
        }

        return new SampledRuns(function, new ExperimentResult(space, results) { Direction = Direction.Minimize });
    }

    /// <summary>The function's entry of the Optuna script's input: name, parameters and runs.</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Function.Name,
        ["params"] = Function.Parameters.DeepClone(),
        ["runs"] = new JsonArray([.. Result.RunResults.Select(r => (JsonNode)new JsonObject
        {
            ["params"] = new JsonObject(r.Params.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Value(kv.Value)))),
            ["value"] = r.Score,
        })]),
    };

    private static JsonValue Value(object? value) => value switch
    {
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        _ => throw new InvalidDataException($"Unexpected parameter value {value}."),
    };
}
