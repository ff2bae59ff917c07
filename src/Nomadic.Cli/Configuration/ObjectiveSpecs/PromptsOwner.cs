using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>The objective a model's prompts belong to, as <see cref="PromptsFactory"/> checks them against it.</summary>
/// <param name="Name">The objective as messages name it: <c>the llm objective</c>.</param>
/// <param name="Read">The parameters it reads.</param>
/// <param name="Items">The items whose fields every template may use; empty when they have none.</param>
/// <param name="Queries">The queries the prompts are written for, to count the few-shot examples each gets.</param>
internal sealed record PromptsOwner(string Name, IReadOnlyList<string> Read, IReadOnlyList<EvaluationItem> Items, IReadOnlyList<string> Queries)
{
    /// <summary>Gets the prompt used when none is written; null when one is required.</summary>
    public PromptTemplate? DefaultPrompt { get; init; }
}
