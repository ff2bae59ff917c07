using Nomadic.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Experiments;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Builds the <see cref="LlmObjective"/> of an <c>{"llm": ...}</c> objective: loads the dataset, builds and checks
/// the prompts and the parameters (<see cref="PromptsFactory"/>), and creates the chat clients and the evaluator,
/// before any run starts.
/// </summary>
internal static class LlmObjectiveFactory
{
    // LlmObjectiveOptions' own default.
    private const int DefaultConcurrentItems = 4;

    public static (IObjective Objective, string Name) Create(ExperimentFile file, LlmObjectiveSpec spec, SearchSpace space)
    {
        EvaluationDataset dataset = EvaluationDatasetFile.Load(file, spec.Dataset);
        var owner = new PromptsOwner("the llm objective", LlmParameterRules.Names, dataset.Items, [.. dataset.Items.Select(i => i.Query)]);
        PromptChoices prompts = PromptsFactory.Create(file, spec.Prompts, owner, space);
        LlmEvaluatorFactory.CheckReferences(file, spec.Evaluator, dataset, spec.Dataset.Value);
        var options = new LlmObjectiveOptions
        {
            Dataset = dataset,
            Client = LlmClientFactory.Create(file, spec.Client),
            Evaluator = LlmEvaluatorFactory.Create(file, spec.Evaluator, spec.Client),
            Prompts = prompts.Variants,
            SystemPrompt = spec.Prompts.System is LocatedText system ? new PromptTemplate(system.Value) : null,
            FewShot = prompts.FewShot,
            MaxConcurrentItems = spec.MaxConcurrentItems ?? DefaultConcurrentItems,
            Prices = spec.Client.Prices,
        };
        string name = $"llm {spec.Evaluator.Description} over {dataset.Count} items, model {spec.Client.Model} at {spec.Client.Endpoint.Value}";
        return (new LlmObjective(options), name);
    }
}
