using Nomadic.AI.Evaluation;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Reads the <c>evaluator</c> of an objective that scores a model's answers (the llm objective, the rag objective's
/// <c>generation</c>): a name or alias of the <see cref="EvaluatorCatalog"/> (<c>token_f1</c>), <c>{"judge": {"criteria": {...}, ...}}</c>
/// or <c>{"weighted": {"token_f1": 0.5, "semantic": 0.5}}</c>; <c>token_f1</c> when absent.
/// </summary>
internal static class LlmEvaluatorSpecReader
{
    private const string Key = "evaluator";
    private const string Default = "token_f1";

    public static LlmEvaluatorSpec Read(ConfigSection llm)
    {
        ConfigNode? node = llm.Node(Key);
        switch (node)
        {
            case null:
                return new NamedEvaluatorSpec(Default, llm.Map.Position);
            case ConfigScalar { Value: string name }:
                return Named(llm, llm.Name(Key), name, node.Position);
            case ConfigMap map:
                ConfigSection evaluator = llm.Section(Key)!;
                evaluator.RejectUnknownKeys("judge", "weighted");
                if (map.Entries.Count != 1)
                {
                    throw evaluator.Error(map.Position, $"\"{evaluator.Path}\" needs exactly one of \"judge\" and \"weighted\"");
                }

                return evaluator.Has("judge") ? Judge(evaluator) : Weighted(evaluator);
            default:
                throw llm.WrongType(Key, node, $"one of {string.Join(", ", NamedEvaluatorSpec.Catalog.Names)}, {{\"judge\": ...}} or {{\"weighted\": ...}}");
        }
    }

    private static NamedEvaluatorSpec Named(ConfigSection section, string where, string name, SourcePosition position)
    {
        EvaluatorCatalog catalog = NamedEvaluatorSpec.Catalog;
        if (catalog.TryResolve(name, out string? known))
        {
            return new NamedEvaluatorSpec(known, position);
        }

        string hint = KeySuggestion.Nearest(name, [.. catalog.Names, .. catalog.Aliases.Keys]) is string near
            ? $"did you mean \"{near}\"?"
            : $"expected one of: {string.Join(", ", catalog.Names)}, {{\"judge\": ...}} or {{\"weighted\": ...}}";
        throw section.Error(position, $"unknown evaluator \"{name}\" in \"{where}\"; {hint}");
    }

    private static WeightedEvaluatorSpec Weighted(ConfigSection evaluator)
    {
        ConfigSection weighted = evaluator.Section("weighted")!;
        List<(string Name, double Weight, SourcePosition Position)> weights = Weights(weighted, "evaluator", "{\"token_f1\": 0.5, \"semantic\": 0.5}");
        List<(NamedEvaluatorSpec Evaluator, double Weight)> components = weights.Select(w => (Named(weighted, weighted.Path, w.Name, w.Position), w.Weight)).ToList();
        List<string> names = components.ConvertAll(c => c.Evaluator.Name);
        for (int i = 0; i < names.Count; i++)
        {
            // Keys are distinct, so a name given twice was given once by an alias.
            if (names.IndexOf(names[i]) is int first && first < i)
            {
                string alias = weights[i].Name == names[i] ? weights[first].Name : weights[i].Name;
                throw weighted.Error(weights[i].Position, $"\"{weighted.Path}\" names the evaluator \"{names[i]}\" twice (\"{alias}\" is another name for it)");
            }
        }

        return new WeightedEvaluatorSpec(components, evaluator.Node("weighted")!.Position);
    }

    private static JudgeEvaluatorSpec Judge(ConfigSection evaluator)
    {
        ConfigSection judge = evaluator.Section("judge")!;
        judge.RejectUnknownKeys("criteria", "model", "endpoint", "api_key_env");
        ConfigSection criteria = judge.Section("criteria")
            ?? throw judge.Error(judge.Map.Position, $"\"{judge.Path}\" needs \"criteria\", criterion name → weight, e.g. {{\"accuracy\": 0.7, \"concision\": 0.3}}");
        List<(string Name, double Weight, SourcePosition Position)> weights = Weights(criteria, "criterion", "{\"accuracy\": 0.7, \"concision\": 0.3}");
        return new JudgeEvaluatorSpec(weights.ToDictionary(w => w.Name, w => w.Weight, StringComparer.Ordinal), evaluator.Node("judge")!.Position)
        {
            CriteriaKey = criteria.Path,
            Endpoint = LlmClientSpecReader.Endpoint(judge, "endpoint"),
            Model = judge.Text("model")?.Value,
            ApiKeyVariable = judge.Text("api_key_env"),
        };
    }

    private static List<(string Name, double Weight, SourcePosition Position)> Weights(ConfigSection section, string what, string example)
    {
        if (section.Map.Entries.Count == 0)
        {
            throw section.Error(section.Map.Position, $"\"{section.Path}\" names no {what}; give name → weight, e.g. {example}");
        }

        List<(string Name, double Weight, SourcePosition Position)> weights =
            section.Map.Entries.Select(e => (e.Key, section.PositiveNumber(e.Key, allowZero: true)!.Value, e.KeyPosition)).ToList();
        return weights.Sum(w => w.Weight) > 0
            ? weights
            : throw section.Error(section.Map.Position, $"the weights in \"{section.Path}\" add up to 0; give one a positive weight");
    }
}
