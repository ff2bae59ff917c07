using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// The prompts written for a model, as an llm objective and a rag objective's <c>generation</c> declare them: one
/// template (<c>prompt</c>) or named variants (<c>prompts</c>), the system message and the few-shot pool.
/// </summary>
/// <param name="Section">The object they are written in, as messages name it: <c>objective.llm</c>, <c>objective.rag.generation</c>.</param>
/// <param name="Position">Where that object is declared.</param>
internal sealed record PromptsSpec(string Section, SourcePosition Position)
{
    /// <summary>Gets the prompt templates: one (<c>prompt</c>, named <c>default</c>), the named variants of <c>prompts</c>, or none for the objective's default prompt.</summary>
    public required IReadOnlyList<PromptSpec> Variants { get; init; }

    /// <summary>Gets a value indicating whether the templates are named variants (<c>prompts</c>) rather than one <c>prompt</c>.</summary>
    public bool HasVariants { get; init; }

    /// <summary>Gets the system message template; the objective's default when null.</summary>
    public LocatedText? System { get; init; }

    /// <summary>Gets the pool of worked examples for <c>{examples}</c>, if any.</summary>
    public FewShotSpec? FewShot { get; init; }

    /// <summary>Gets the prompt and system templates written in the file.</summary>
    public IEnumerable<LocatedText> Templates => Variants.Select(p => p.Template).Concat(System is LocatedText system ? [system] : []);
}
