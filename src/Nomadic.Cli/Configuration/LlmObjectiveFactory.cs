using Nomadic.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;
using Nomadic.Experiments;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration;

/// <summary>
/// Builds the <see cref="LlmObjective"/> of an <c>{"llm": ...}</c> objective: loads the dataset and the few-shot pool,
/// checks the templates' placeholders and the parameters, and creates the chat clients and the evaluator, before any
/// run starts.
/// </summary>
internal static class LlmObjectiveFactory
{
    // LlmObjectiveOptions' own default.
    private const int DefaultConcurrentItems = 4;

    public static (IObjective Objective, string Name) Create(ExperimentFile file, LlmObjectiveSpec spec, SearchSpace space)
    {
        EvaluationDataset dataset = Load(file, spec.Dataset);
        FewShotPool? fewShot = spec.FewShot is FewShotSpec pool ? CreatePool(file, pool) : null;
        var prompts = new PromptVariants(spec.Prompts.ToDictionary(p => p.Name, p => p.Template.Value, StringComparer.Ordinal));
        HashSet<string> placeholders = LlmPlaceholderCheck.ParameterNames(spec);
        IEnumerable<string> parameters = space.Names.Concat(file.FixedParams?.Keys ?? []).Concat(file.CurrentParams?.Keys ?? []);
        LlmPlaceholderCheck.Check(file, spec, parameters, dataset, fewShot?.Examples);
        int? usableExamples = fewShot is null ? null : dataset.Items.Min(i => fewShot.Examples.Count(e => !string.Equals(e.Query, i.Query, StringComparison.Ordinal)));
        new LlmParameterCheck(file, "the llm objective", LlmParameterCheck.LlmObjectiveParameters, prompts, usableExamples).Check(space, placeholders);
        LlmPromptChoiceCheck.Check(file, spec, prompts, space);
        LlmEvaluatorFactory.CheckReferences(file, spec.Evaluator, dataset, spec.Dataset.Value);
        var options = new LlmObjectiveOptions
        {
            Dataset = dataset,
            Client = LlmClientFactory.Create(file, spec.Client),
            Evaluator = LlmEvaluatorFactory.Create(file, spec.Evaluator, spec.Client),
            Prompts = prompts,
            SystemPrompt = spec.System is LocatedText system ? new PromptTemplate(system.Value) : null,
            FewShot = fewShot,
            MaxConcurrentItems = spec.MaxConcurrentItems ?? DefaultConcurrentItems,
            Prices = spec.Client.Prices,
        };
        string name = $"llm {spec.Evaluator.Description} over {dataset.Count} items, model {spec.Client.Model} at {spec.Client.Endpoint.Value}";
        return (new LlmObjective(options), name);
    }

    private static FewShotPool CreatePool(ExperimentFile file, FewShotSpec spec)
    {
        EvaluationDataset examples = Load(file, spec.File);
        try
        {
            return spec.Template is LocatedText template ? new FewShotPool(examples.Items, template.Value) : new FewShotPool(examples.Items);
        }
        catch (ArgumentException e)
        {
            throw Error(file, spec.File.Position, $"\"{spec.File.Key}\": {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}");
        }
    }

    private static EvaluationDataset Load(ExperimentFile file, LocatedText path)
    {
        string full = Path.GetFullPath(path.Value, file.Folder);
        if (!File.Exists(full))
        {
            throw Error(file, path.Position, $"\"{path.Key}\": the file \"{full}\" does not exist");
        }

        try
        {
            return EvaluationDataset.Load(full);
        }
        catch (Exception e) when (e is DatasetFormatException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw Error(file, path.Position, $"\"{path.Key}\": {e.Message.TrimEnd('.')}");
        }
    }

    private static InputException Error(ExperimentFile file, SourcePosition position, string problem) => new(position.Describe(file.Path, problem));
}
