using Nomadic.AI.Prompts;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>What a run chooses its prompt from: the prompt variants and the few-shot pool.</summary>
/// <param name="Variants">The prompt variants; one, named <c>default</c>, without named variants.</param>
/// <param name="FewShot">The pool <c>{examples}</c> is drawn from, if any.</param>
internal sealed record PromptChoices(PromptVariants Variants, FewShotPool? FewShot);
