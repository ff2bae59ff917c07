using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;

namespace Nomadic.AI;

/// <summary>
/// What a run's parameters mean to a stage that asks a chat model (an <see cref="LlmObjective"/>, the generation of a
/// <see cref="Rag.RagObjective"/>): chat options, prompt variant, few-shot examples.
/// </summary>
internal sealed record RunSettings(ChatOptions ChatOptions, PromptTemplate Prompt, int FewShotCount, FewShotPool? FewShot)
{
    /// <summary>Reads the settings of a run.</summary>
    /// <param name="parameters">The run's parameters.</param>
    /// <param name="prompts">The prompt variants <see cref="LlmParameters.PromptVariant"/> chooses among.</param>
    /// <param name="fewShot">The pool <c>{examples}</c> is drawn from; null for none.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">A value is unusable (<see cref="LlmParameterRules"/>), the variant is missing, or examples are asked for without a pool.</exception>
    public static RunSettings Read(IReadOnlyDictionary<string, object?> parameters, PromptVariants prompts, FewShotPool? fewShot)
    {
        PromptTemplate prompt = RunParameters.Checked(parameters, LlmParameters.PromptVariant, new LlmParameterRules(prompts.Names, null)) is string variant
            ? prompts[variant]
            : prompts.Names.Count == 1
                ? prompts[prompts.Names[0]]
                : throw new ArgumentException($"The parameters lack \"{LlmParameters.PromptVariant}\", needed to choose among the prompt variants {string.Join(", ", prompts.Names)}.");
        int shots = RunParameters.Integer(parameters, LlmParameters.FewShotCount) ?? 0;
        if (shots > 0 && fewShot is null)
        {
            throw new ArgumentException($"The run asks for {shots} few-shot examples but the objective has no few-shot pool.");
        }

        return new RunSettings(RunParameters.ChatOptions(parameters), prompt, shots, fewShot);
    }

    /// <summary>The text of <c>{examples}</c> for an item: the pool's first <see cref="FewShotCount"/> examples, skipping one with the item's query; empty for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pool has fewer usable examples than asked for.</exception>
    public string Examples(EvaluationItem item) => FewShotCount > 0 ? FewShot!.Render(FewShotCount, item) : string.Empty;
}
