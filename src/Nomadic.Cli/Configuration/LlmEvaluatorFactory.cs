using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;

namespace Nomadic.Cli.Configuration;

/// <summary>Builds the evaluator of an LLM objective from its <see cref="LlmEvaluatorSpec"/>, after checking that the dataset suits it.</summary>
internal static class LlmEvaluatorFactory
{
    /// <summary>Creates the evaluator.</summary>
    /// <param name="file">The experiment file, for messages.</param>
    /// <param name="spec">The objective.</param>
    /// <param name="dataset">The items it scores: each needs a reference answer for a reference-based evaluator.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="InputException">An item lacks a reference, the judge's rubric is invalid or its key variable is not set.</exception>
    public static IEvaluator Create(ExperimentFile file, LlmObjectiveSpec spec, EvaluationDataset dataset)
    {
        LlmEvaluatorSpec evaluator = spec.Evaluator;
        if (evaluator.ReferenceBased.FirstOrDefault() is string name && dataset.Items.FirstOrDefault(i => i.Reference is null) is EvaluationItem bare)
        {
            throw Error(file, evaluator.Position, $"item \"{bare.Id}\" of \"{spec.Dataset.Value}\" has no reference answer, which the {name} evaluator compares with; add a \"reference\" to every item or use a judge");
        }

        return evaluator switch
        {
            NamedEvaluatorSpec named => Named(named.Name),
            WeightedEvaluatorSpec weighted => new WeightedEvaluator(weighted.Components.Select(c => (Named(c.Evaluator.Name), c.Weight)).ToList()),
            _ => Judge(file, spec, (JudgeEvaluatorSpec)evaluator),
        };
    }

    private static IEvaluator Named(string name) => name switch
    {
        "exact_match" => new ExactMatchEvaluator(),
        "token_f1" => new TokenF1Evaluator(),
        "rouge_l" => new RougeLEvaluator(),
        "bleu" => new BleuEvaluator(),
        // The model loads on the first item; each distinct text is embedded once for the whole experiment.
        "semantic" => new SemanticSimilarityEvaluator(new MiniLmEmbeddingGenerator()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an evaluator name."),
    };

    private static LlmJudgeEvaluator Judge(ExperimentFile file, LlmObjectiveSpec spec, JudgeEvaluatorSpec judge)
    {
        JudgeRubric rubric;
        try
        {
            rubric = new JudgeRubric(judge.Criteria);
        }
        catch (ArgumentException e)
        {
            throw Error(file, judge.Position, $"\"objective.llm.evaluator.judge.criteria\": {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}");
        }

        // The objective's key goes only to the objective's endpoint.
        LocatedText? key = judge.ApiKeyVariable ?? (judge.Endpoint is null ? spec.ApiKeyVariable : null);
        return new LlmJudgeEvaluator(LlmClientFactory.Create(file, judge.Endpoint ?? spec.Endpoint, judge.Model ?? spec.Model, key, spec), rubric);
    }

    private static InputException Error(ExperimentFile file, SourcePosition position, string problem) => new(position.Describe(file.Path, problem));
}
