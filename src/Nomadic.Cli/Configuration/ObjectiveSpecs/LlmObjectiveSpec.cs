using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// An LLM whose prompts and settings are tuned on an evaluation dataset
/// (<c>{"llm": {"endpoint": ..., "model": ..., "dataset": ..., "prompts": {...}, "evaluator": ...}}</c>).
/// </summary>
/// <param name="Position">Where the objective is declared.</param>
internal sealed record LlmObjectiveSpec(SourcePosition Position) : ObjectiveSpec(Position)
{
    /// <summary>Gets the model asked and how its calls are made and priced.</summary>
    public required LlmClientSpec Client { get; init; }

    /// <summary>Gets the evaluation dataset, relative to the experiment file.</summary>
    public required LocatedText Dataset { get; init; }

    /// <summary>Gets the prompt templates, the system message and the few-shot pool.</summary>
    public required PromptsSpec Prompts { get; init; }

    /// <summary>Gets how outputs are scored.</summary>
    public required LlmEvaluatorSpec Evaluator { get; init; }

    /// <summary>Gets how many items of a run are sent to the model at the same time; the objective's default when null.</summary>
    public int? MaxConcurrentItems { get; init; }
}

