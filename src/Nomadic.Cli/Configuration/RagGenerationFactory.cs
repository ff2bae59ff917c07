using Nomadic.AI.Prompts;
using Nomadic.AI.Rag;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration;

/// <summary>
/// Builds the generation stage of a rag objective from its <see cref="RagGenerationSpec"/>: checks the templates'
/// placeholders and the parameters a run may have, and creates the chat client and the evaluator, before any run starts.
/// </summary>
internal static class RagGenerationFactory
{
    private static readonly string[] QuestionValues = ["query", "id", "context"];

    /// <summary>Returns the parameters the stage reads: the chat call's and the templates' placeholders.</summary>
    public static IReadOnlyCollection<string> Parameters(RagGenerationSpec spec) =>
        [.. RagParameters.Generation, .. LlmPlaceholderCheck.ParameterNames(spec.Templates, QuestionValues)];

    /// <summary>Checks the parameter names of the search space, the fixed and the current parameters, the model parameters' values and the templates.</summary>
    /// <param name="file">The experiment file.</param>
    /// <param name="spec">The generation stage.</param>
    /// <param name="space">The search space.</param>
    /// <exception cref="InputException">A parameter is unknown, a model parameter's value unusable or a placeholder can never be filled.</exception>
    public static void Check(ExperimentFile file, RagGenerationSpec spec, SearchSpace space)
    {
        HashSet<string> placeholders = LlmPlaceholderCheck.ParameterNames(spec.Templates, QuestionValues);
        new LlmParameterCheck(file, "the rag objective", [.. LlmParameterCheck.ChatParameters, .. RagParameters.All], null, null).Check(space, placeholders);
        IEnumerable<string> declared = space.Names.Concat(file.FixedParams?.Keys ?? []).Concat(file.CurrentParams?.Keys ?? []);
        foreach (LocatedText template in spec.Templates)
        {
            LlmPlaceholderCheck.Check(file, template, QuestionValues.Concat(declared), []);
        }
    }

    /// <summary>Adds the generation stage to the objective's options, creating the chat client and the evaluator.</summary>
    /// <param name="file">The experiment file.</param>
    /// <param name="spec">The generation stage.</param>
    /// <param name="options">The retrieval options.</param>
    /// <returns>The options with generation.</returns>
    /// <exception cref="InputException">A key variable is not set or the judge's rubric is invalid.</exception>
    public static RagObjectiveOptions Apply(ExperimentFile file, RagGenerationSpec spec, RagObjectiveOptions options) => options with
    {
        ChatClient = LlmClientFactory.Create(file, spec.Client),
        Evaluator = LlmEvaluatorFactory.Create(file, spec.Evaluator, spec.Client),
        Prompt = spec.Prompt is LocatedText prompt ? new PromptTemplate(prompt.Value) : RagObjectiveOptions.DefaultPrompt,
        SystemPrompt = spec.System is LocatedText system ? new PromptTemplate(system.Value) : RagObjectiveOptions.DefaultSystemPrompt,
        MaxConcurrentQuestions = spec.MaxConcurrentItems ?? options.MaxConcurrentQuestions,
        Prices = spec.Client.Prices,
        Score = spec.Score,
    };
}
