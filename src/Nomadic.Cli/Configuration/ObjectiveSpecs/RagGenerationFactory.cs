using Nomadic.AI.Prompts;
using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Builds the generation stage of a rag objective from its <see cref="RagGenerationSpec"/>: builds and checks the
/// prompts, the few-shot pool and the parameters a run may have (<see cref="PromptsFactory"/>), and creates the chat
/// client and the evaluator, before any run starts.
/// </summary>
internal static class RagGenerationFactory
{
    /// <summary>Returns the parameters the stage reads: <see cref="RagParameters.Generation"/> and the templates' placeholders.</summary>
    public static IReadOnlyCollection<string> Parameters(RagGenerationSpec spec) =>
        [.. RagParameters.Generation, .. LlmPlaceholderCheck.ParameterNames(spec.Prompts)];

    /// <summary>Builds the prompts and checks them with the parameter names of the search space, the fixed and the current parameters and the model parameters' values.</summary>
    /// <param name="file">The experiment file.</param>
    /// <param name="spec">The generation stage.</param>
    /// <param name="space">The search space.</param>
    /// <param name="dataset">The questions, to count the few-shot examples each gets.</param>
    /// <returns>The prompt variants and the few-shot pool.</returns>
    /// <exception cref="InputException">The few-shot file is unusable, a parameter unknown, a model parameter's value unusable or a placeholder can never be filled.</exception>
    public static PromptChoices Check(ExperimentFile file, RagGenerationSpec spec, SearchSpace space, RagDataset dataset)
    {
        var owner = new PromptsOwner("the rag objective", [.. RagParameters.Generation, .. RagParameters.All], [], [.. dataset.Questions.Select(q => q.Question)])
        {
            DefaultPrompt = RagObjectiveOptions.DefaultPrompt,
        };
        return PromptsFactory.Create(file, spec.Prompts, owner, space);
    }

    /// <summary>Adds the generation stage to the objective's options, creating the chat client and the evaluator.</summary>
    /// <param name="file">The experiment file.</param>
    /// <param name="spec">The generation stage.</param>
    /// <param name="prompts">The prompts <see cref="Check"/> built.</param>
    /// <param name="options">The retrieval options.</param>
    /// <returns>The options with generation.</returns>
    /// <exception cref="InputException">A key variable is not set or the judge's rubric is invalid.</exception>
    public static RagObjectiveOptions Apply(ExperimentFile file, RagGenerationSpec spec, PromptChoices prompts, RagObjectiveOptions options) => options with
    {
        ChatClient = LlmClientFactory.Create(file, spec.Client),
        Evaluator = LlmEvaluatorFactory.Create(file, spec.Evaluator, spec.Client),
        Prompts = prompts.Variants,
        SystemPrompt = spec.Prompts.System is LocatedText system ? new PromptTemplate(system.Value) : RagObjectiveOptions.DefaultSystemPrompt,
        FewShot = prompts.FewShot,
        MaxConcurrentQuestions = spec.MaxConcurrentItems ?? options.MaxConcurrentQuestions,
        Prices = spec.Client.Prices,
        Score = spec.Score,
    };
}
