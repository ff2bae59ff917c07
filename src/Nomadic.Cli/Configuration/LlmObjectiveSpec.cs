namespace Nomadic.Cli.Configuration;

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

    /// <summary>Gets the prompt templates: one (<c>prompt</c>, named <c>default</c>) or the named variants of <c>prompts</c>.</summary>
    public required IReadOnlyList<PromptSpec> Prompts { get; init; }

    /// <summary>Gets a value indicating whether the templates are named variants (<c>prompts</c>) rather than one <c>prompt</c>.</summary>
    public bool HasVariants { get; init; }

    /// <summary>Gets the system message template, if any.</summary>
    public LocatedText? System { get; init; }

    /// <summary>Gets the pool of worked examples for <c>{examples}</c>, if any.</summary>
    public FewShotSpec? FewShot { get; init; }

    /// <summary>Gets how outputs are scored.</summary>
    public required LlmEvaluatorSpec Evaluator { get; init; }

    /// <summary>Gets how many items of a run are sent to the model at the same time; the objective's default when null.</summary>
    public int? MaxConcurrentItems { get; init; }
}

/// <summary>One named prompt template.</summary>
/// <param name="Name">The variant's name, the value of <c>prompt_variant</c> that chooses it.</param>
/// <param name="Template">The template text and where it is declared.</param>
internal sealed record PromptSpec(string Name, LocatedText Template);

/// <summary>The few-shot pool: a dataset file of examples and how one example is written.</summary>
/// <param name="File">The examples file, relative to the experiment file.</param>
/// <param name="Template">How one example is written; the pool's default when null.</param>
internal sealed record FewShotSpec(LocatedText File, LocatedText? Template);
