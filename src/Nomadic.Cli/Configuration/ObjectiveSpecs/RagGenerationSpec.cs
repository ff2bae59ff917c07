using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// The generation stage of a rag objective: a model answers every question from its retrieved passages and the
/// answers are scored (<c>{"generation": {"endpoint": ..., "model": ..., "prompts": {...}, "evaluator": ..., "score": "answer"}}</c>).
/// </summary>
/// <param name="Position">Where it is declared.</param>
internal sealed record RagGenerationSpec(SourcePosition Position)
{
    /// <summary>Gets the model asked and how its calls are made and priced.</summary>
    public required LlmClientSpec Client { get; init; }

    /// <summary>Gets the prompt templates (none for the objective's default), the system message and the few-shot pool.</summary>
    public required PromptsSpec Prompts { get; init; }

    /// <summary>Gets how answers are scored.</summary>
    public required LlmEvaluatorSpec Evaluator { get; init; }

    /// <summary>Gets how many questions of a run are sent to the model at the same time; the objective's default when null.</summary>
    public int? MaxConcurrentItems { get; init; }

    /// <summary>Gets what a run's score is the mean of.</summary>
    public RagScore Score { get; init; }
}
