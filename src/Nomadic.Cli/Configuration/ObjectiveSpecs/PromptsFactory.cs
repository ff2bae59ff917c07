using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Builds the prompt variants and the few-shot pool of a model's <see cref="PromptsSpec"/> and checks them before any
/// run starts: the few-shot file, the templates' placeholders (<see cref="LlmPlaceholderCheck"/>), the parameters and
/// their values (<see cref="LlmParameterCheck"/>) and how runs choose a prompt (<see cref="LlmPromptChoiceCheck"/>).
/// </summary>
internal static class PromptsFactory
{
    /// <summary>Builds and checks the prompts.</summary>
    /// <param name="file">The experiment file.</param>
    /// <param name="spec">The prompts as written.</param>
    /// <param name="owner">The objective they belong to.</param>
    /// <param name="space">The search space.</param>
    /// <returns>The variants and the pool.</returns>
    /// <exception cref="InputException">The few-shot file is unusable, a placeholder can never be filled, or a parameter is unknown or its value unusable.</exception>
    public static PromptChoices Create(ExperimentFile file, PromptsSpec spec, PromptsOwner owner, SearchSpace space)
    {
        FewShotPool? fewShot = spec.FewShot is FewShotSpec pool ? CreatePool(file, pool) : null;
        PromptVariants variants = spec.Variants.Count == 0 && owner.DefaultPrompt is PromptTemplate fallback
            ? PromptVariants.Of(fallback.Text)
            : new PromptVariants(spec.Variants.ToDictionary(p => p.Name, p => p.Template.Value, StringComparer.Ordinal));
        IEnumerable<string> parameters = space.Names.Concat(file.FixedParams?.Keys ?? []).Concat(file.CurrentParams?.Keys ?? []);
        LlmPlaceholderCheck.Check(file, spec, parameters, owner.Items, fewShot?.Examples);
        int? usableExamples = fewShot is null
            ? null
            : owner.Queries.Select(q => fewShot.Examples.Count(e => !string.Equals(e.Query, q, StringComparison.Ordinal))).DefaultIfEmpty(fewShot.Examples.Count).Min();
        new LlmParameterCheck(file, owner.Name, owner.Read, variants, usableExamples).Check(space, LlmPlaceholderCheck.ParameterNames(spec));
        LlmPromptChoiceCheck.Check(file, spec, variants, space);
        return new PromptChoices(variants, fewShot);
    }

    private static FewShotPool CreatePool(ExperimentFile file, FewShotSpec spec)
    {
        EvaluationDataset examples = EvaluationDatasetFile.Load(file, spec.File);
        try
        {
            return spec.Template is LocatedText template ? new FewShotPool(examples.Items, template.Value) : new FewShotPool(examples.Items);
        }
        catch (ArgumentException e)
        {
            throw new InputException(spec.File.Position.Describe(file.Path, $"\"{spec.File.Key}\": {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}"));
        }
    }
}
