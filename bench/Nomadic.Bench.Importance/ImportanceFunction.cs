using System.Text.Json.Nodes;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>A function whose parameter importance is measured: its search space, its formula and its parameters as the Optuna script reads them.</summary>
/// <param name="Parameters">Name, type, bounds (integers inclusive), log, step and choices of each parameter.</param>
internal sealed record ImportanceFunction(string Name, Func<SearchSpace> CreateSpace, Func<IReadOnlyDictionary<string, object?>, double> Evaluate, JsonArray Parameters)
{
    /// <summary>A function of the shared suite, with its parameters as <c>suite.json</c> declares them.</summary>
    public static ImportanceFunction FromSuite(SuiteFunction function, JsonArray parameters) =>
        new(function.Name, function.CreateSpace, function.Formula.Evaluate, parameters);

    /// <summary>A function defined here, its parameters described from its search space.</summary>
    public static ImportanceFunction Defined(string name, Func<SearchSpace> createSpace, Func<IReadOnlyDictionary<string, object?>, double> evaluate)
    {
        SearchSpace space = createSpace();
        return new(name, createSpace, evaluate, [.. space.Names.Select(n => (JsonNode)Describe(n, space[n]))]);
    }

    private static JsonObject Describe(string name, Domain domain) => domain switch
    {
        ChoiceDomain c => new JsonObject { ["name"] = name, ["type"] = "categorical", ["choices"] = new JsonArray([.. c.Values.Select(v => JsonValue.Create((string)v!))]) },
        IntDomain i => new JsonObject { ["name"] = name, ["type"] = "int", ["low"] = i.MinValue, ["high"] = i.MaxValue, ["step"] = i.Step ?? 1, ["log"] = i.IsLog },
        FloatDomain f => new JsonObject { ["name"] = name, ["type"] = "float", ["low"] = f.Low, ["high"] = f.High, ["log"] = f.IsLog },
        _ => throw new NotSupportedException($"{name}: {domain} has no Optuna distribution here."),
    };
}
