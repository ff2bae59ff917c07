using Nomadic.AI;
using Nomadic.AI.Prompts;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Checks how the runs of an objective that asks a model choose their prompt: <c>prompt_variant</c> only with named
/// variants and always with several, <c>few_shot_count</c> only with a pool of examples.
/// </summary>
internal static class LlmPromptChoiceCheck
{
    /// <exception cref="InputException">A choice is missing or has nothing to choose from.</exception>
    public static void Check(ExperimentFile file, PromptsSpec spec, PromptVariants prompts, SearchSpace space)
    {
        var given = new HashSet<string>(space.Names.Concat(file.FixedParams?.Keys ?? []).Concat(file.CurrentParams?.Keys ?? []), StringComparer.Ordinal);
        if (!spec.HasVariants && given.Contains(LlmParameters.PromptVariant))
        {
            throw Error(file, LlmParameterCheck.PositionOf(file, LlmParameters.PromptVariant), $"parameter \"prompt_variant\" chooses among \"{spec.Section}.prompts\", but the objective has a single \"prompt\"");
        }

        if (prompts.Names.Count > 1 && !space.ContainsKey(LlmParameters.PromptVariant) && file.FixedParams?.ContainsKey(LlmParameters.PromptVariant) != true)
        {
            throw Error(file, spec.Position, $"\"{spec.Section}.prompts\" has {prompts.Names.Count} variants; choose among them with \"prompt_variant\" in \"search_space\" (or \"fixed_params\"), e.g. prompt_variant: [{string.Join(", ", prompts.Names)}]");
        }

        if (spec.FewShot is null && given.Contains(LlmParameters.FewShotCount))
        {
            throw Error(file, LlmParameterCheck.PositionOf(file, LlmParameters.FewShotCount), $"parameter \"few_shot_count\" needs \"{spec.Section}.few_shot\", the pool of examples");
        }
    }

    private static InputException Error(ExperimentFile file, SourcePosition position, string problem) => new(position.Describe(file.Path, problem));
}
