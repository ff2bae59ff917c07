using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Reads the optional <c>generation</c> of a rag objective: the llm objective's model keys
/// (<see cref="LlmClientSpecReader"/>), its prompt keys (<see cref="PromptsSpecReader"/>: <c>prompt</c> or
/// <c>prompts</c>, <c>system</c>, <c>few_shot</c>), <c>evaluator</c> (<see cref="LlmEvaluatorSpecReader"/>),
/// <c>max_concurrent_items</c> and <c>score</c>, each checked for its type.
/// </summary>
internal static class RagGenerationSpecReader
{
    private static readonly string[] Keys = [.. LlmClientSpecReader.Keys, .. PromptsSpecReader.Keys, "evaluator", "max_concurrent_items", "score"];
    private static readonly Dictionary<string, RagScore> Scores = new(StringComparer.Ordinal) { ["retrieval"] = RagScore.Retrieval, ["answer"] = RagScore.Answer };

    public static RagGenerationSpec? Read(ConfigSection rag)
    {
        if (rag.Section("generation") is not ConfigSection generation)
        {
            return null;
        }

        generation.RejectUnknownKeys(Keys);
        return new RagGenerationSpec(rag.Node("generation")!.Position)
        {
            Client = LlmClientSpecReader.Read(generation),
            Prompts = PromptsSpecReader.Read(generation, required: false),
            Evaluator = LlmEvaluatorSpecReader.Read(generation),
            MaxConcurrentItems = generation.Integer("max_concurrent_items", 1),
            Score = Score(generation),
        };
    }

    private static RagScore Score(ConfigSection generation)
    {
        if (generation.Text("score") is not LocatedText score)
        {
            return RagScore.Retrieval;
        }

        if (Scores.TryGetValue(score.Value, out RagScore value))
        {
            return value;
        }

        string hint = KeySuggestion.Nearest(score.Value, Scores.Keys) is string near
            ? $"did you mean \"{near}\"?"
            : "expected retrieval (the retrieval metric) or answer (the mean answer score)";
        throw generation.Error(score.Position, $"unknown score \"{score.Value}\" in \"{score.Key}\"; {hint}");
    }
}
