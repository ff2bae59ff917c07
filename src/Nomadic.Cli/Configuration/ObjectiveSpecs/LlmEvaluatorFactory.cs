using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Models;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>Builds the evaluator of an objective that scores a model's answers from its <see cref="LlmEvaluatorSpec"/>.</summary>
internal static class LlmEvaluatorFactory
{
    /// <summary>Checks that every item has the reference answer a reference-based evaluator compares with.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="dataset">The items.</param>
    /// <param name="datasetName">The dataset as the file names it.</param>
    /// <exception cref="InputException">An item lacks a reference.</exception>
    public static void CheckReferences(ExperimentFile file, LlmEvaluatorSpec evaluator, EvaluationDataset dataset, string datasetName)
    {
        if (evaluator.ReferenceBased.FirstOrDefault() is string name && dataset.Items.FirstOrDefault(i => i.Reference is null) is EvaluationItem bare)
        {
            throw Error(file, evaluator.Position, $"item \"{bare.Id}\" of \"{datasetName}\" has no reference answer, which the {name} evaluator compares with; add a \"reference\" to every item or use a judge");
        }
    }

    /// <summary>Creates the evaluator.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="client">The objective's model, whose endpoint, model and key a judge defaults to.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="InputException">The judge's rubric is invalid or its key variable is not set.</exception>
    public static IEvaluator Create(ExperimentFile file, LlmEvaluatorSpec evaluator, LlmClientSpec client) => evaluator switch
    {
        NamedEvaluatorSpec named => Named(named.Name),
        WeightedEvaluatorSpec weighted => new WeightedEvaluator(weighted.Components.Select(c => (Named(c.Evaluator.Name), c.Weight)).ToList()),
        _ => Judge(file, (JudgeEvaluatorSpec)evaluator, client),
    };

    private static IEvaluator Named(string name)
    {
        if (name == "semantic_similarity")
        {
            // The model is found or fetched now, before the evaluator's type loads it and before any run; it loads on
            // the first item, and each distinct text is embedded once for the whole experiment.
            MiniLmAssembly.EnsureLoadable(Console.Error);
        }

        return NamedEvaluatorSpec.Catalog.Create(name);
    }

    private static LlmJudgeEvaluator Judge(ExperimentFile file, JudgeEvaluatorSpec judge, LlmClientSpec client)
    {
        JudgeRubric rubric;
        try
        {
            rubric = new JudgeRubric(judge.Criteria);
        }
        catch (ArgumentException e)
        {
            throw Error(file, judge.Position, $"\"{judge.CriteriaKey}\": {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}");
        }

        // The objective's key goes only to the objective's endpoint.
        LlmClientSpec judgeClient = client with
        {
            Endpoint = judge.Endpoint ?? client.Endpoint,
            Model = judge.Model ?? client.Model,
            ApiKeyVariable = judge.ApiKeyVariable ?? (judge.Endpoint is null ? client.ApiKeyVariable : null),
        };
        return new LlmJudgeEvaluator(LlmClientFactory.Create(file, judgeClient), rubric);
    }

    private static InputException Error(ExperimentFile file, SourcePosition position, string problem) => new(position.Describe(file.Path, problem));
}
