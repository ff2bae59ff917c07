using Nomadic.AI;
using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Models;
using Nomadic.Experiments;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// Builds the <see cref="RagObjective"/> of a <c>{"rag": ...}</c> objective: loads the corpus and the questions, reads
/// the metric, checks that every parameter is one the pipeline (or the generation stage, <see cref="RagGenerationFactory"/>)
/// reads, before any run starts.
/// </summary>
internal static class RagObjectiveFactory
{
    public static (IObjective Objective, string Name) Create(ExperimentFile file, RagObjectiveSpec spec, SearchSpace space)
    {
        RagMetric metric = new(RagMetricKind.Ndcg);
        if (spec.Metric is not null && !RagMetric.TryParse(spec.Metric, out metric!))
        {
            throw Error(file, spec, $"unknown metric \"{spec.Metric}\" in \"objective.rag\"; expected one of: {string.Join(", ", RagMetric.KnownNames)}, optionally with @k (e.g. ndcg@5)");
        }

        RagDataset dataset = Load(file, spec);
        PromptChoices? prompts = null;
        if (spec.Generation is RagGenerationSpec generation)
        {
            prompts = RagGenerationFactory.Check(file, generation, space, dataset);
        }
        else
        {
            CheckNames(file, spec, space);
        }

        CheckDomains(file, space);
        IReadOnlyCollection<string> readElsewhere = spec.Generation is null ? [] : RagGenerationFactory.Parameters(spec.Generation);
        CheckValues(file, spec, file.CurrentParams, "current_params", readElsewhere);
        CheckValues(file, spec, file.FixedParams, "fixed_params", readElsewhere);
        if (MayEmbed(file, space))
        {
            MiniLmAssembly.EnsureLoadable(Console.Error);
        }

        var options = new RagObjectiveOptions { Metric = metric };
        if (spec.Generation is null || prompts is null)
        {
            return (new RagObjective(dataset, options), $"rag {metric} over {dataset.Documents.Count} documents, {dataset.Questions.Count} questions");
        }

        RagGenerationSpec stage = spec.Generation;
        string score = stage.Score == RagScore.Answer ? $"answer {stage.Evaluator.Description}" : metric.ToString();
        string scoredBy = stage.Score == RagScore.Answer ? "" : $" scored by {stage.Evaluator.Description}";
        string name = $"rag {score} over {dataset.Documents.Count} documents, {dataset.Questions.Count} questions, answers by {stage.Client.Model} at {stage.Client.Endpoint.Value}{scoredBy}";
        return (new RagObjective(dataset, RagGenerationFactory.Apply(file, stage, prompts, options)), name);
    }

    // Whether some run may use the embedding model (RagConfiguration.NeedsEmbeddings): the model is then found or fetched
    // before the first run, and a BM25-only experiment never needs it.
    private static bool MayEmbed(ExperimentFile file, SearchSpace space)
    {
        foreach (object? retriever in Values(file, space, "retriever"))
        {
            foreach (object? rerank in Values(file, space, "rerank"))
            {
                var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (retriever is not null)
                {
                    parameters["retriever"] = retriever;
                }

                if (rerank is not null)
                {
                    parameters["rerank"] = rerank;
                }

                try
                {
                    if (RagParameters.Read(parameters).NeedsEmbeddings)
                    {
                        return true;
                    }
                }
                catch (ArgumentException)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The values a parameter may take: its domain's, the fixed and current ones, or null for the default.
    private static List<object?> Values(ExperimentFile file, SearchSpace space, string name)
    {
        List<object?> values = space.TryGetValue(name, out Domain? domain) ? (domain.IsEnumerable ? [.. domain.Enumerate()] : ["(any)"]) : [];
        foreach (IReadOnlyDictionary<string, object?>? given in new[] { file.FixedParams, file.CurrentParams })
        {
            if (given is not null && given.TryGetValue(name, out object? value))
            {
                values.Add(value);
            }
        }

        return values.Count == 0 ? [null] : values;
    }

    private static void CheckNames(ExperimentFile file, RagObjectiveSpec spec, SearchSpace space)
    {
        IEnumerable<string> declared = space.Names.Concat(file.FixedParams?.Keys ?? []).Concat(file.CurrentParams?.Keys ?? []);
        if (declared.FirstOrDefault(n => !RagParameters.All.Contains(n, StringComparer.Ordinal)) is string unknown)
        {
            string hint = KeySuggestion.Nearest(unknown, RagParameters.All) is string near ? $"did you mean \"{near}\"?" : "expected one of: " + string.Join(", ", RagParameters.All);
            string generation = RagParameters.Generation.Contains(unknown, StringComparer.Ordinal) ? " (model parameters need \"objective.rag.generation\")" : "";
            throw Error(file, spec, $"parameter \"{unknown}\" is not one the rag pipeline knows{generation}; {hint}");
        }
    }

    private static void CheckDomains(ExperimentFile file, SearchSpace space)
    {
        if (space.Select(p => RagParameterRules.Check(p.Key, p.Value)).FirstOrDefault(p => p is not null) is ParameterProblem problem)
        {
            SourcePosition position = LlmParameterCheck.PositionOf(file, problem.Name);
            throw new InputException(position.Describe(file.Path, $"\"search_space.{problem.Name}\": {problem.Message}"));
        }
    }

    private static RagDataset Load(ExperimentFile file, RagObjectiveSpec spec)
    {
        string corpus = Path.GetFullPath(spec.Corpus, file.Folder);
        string questions = Path.GetFullPath(spec.Questions, file.Folder);
        if (!Directory.Exists(corpus))
        {
            throw Error(file, spec, $"the rag corpus folder \"{corpus}\" does not exist");
        }

        if (!File.Exists(questions))
        {
            throw Error(file, spec, $"the rag questions file \"{questions}\" does not exist");
        }

        if (Directory.EnumerateFiles(corpus).Prepend(questions).Select(DataFileLimits.SizeProblem).FirstOrDefault(p => p is not null) is string tooLarge)
        {
            throw Error(file, spec, tooLarge);
        }

        try
        {
            return RagDataset.Load(corpus, questions);
        }
        catch (InvalidDataException e)
        {
            throw Error(file, spec, e.Message.TrimEnd('.'));
        }
    }

    private static void CheckValues(ExperimentFile file, RagObjectiveSpec spec, IReadOnlyDictionary<string, object?>? values, string key, IReadOnlyCollection<string> readElsewhere)
    {
        try
        {
            _ = values is null ? null : RagParameters.Read(values, readElsewhere);
        }
        catch (ArgumentException e)
        {
            throw Error(file, spec, $"\"{key}\": {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}");
        }
    }

    private static InputException Error(ExperimentFile file, RagObjectiveSpec spec, string problem) =>
        new(spec.Position.Describe(file.Path, problem));
}
