using Nomadic.AI.Rag;
using Nomadic.Experiments;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration;

/// <summary>
/// Builds the <see cref="RagObjective"/> of a <c>{"rag": ...}</c> objective: loads the corpus and the questions, reads
/// the metric and checks that every parameter is one the pipeline knows, before any run starts.
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

        IEnumerable<string> declared = space.Names.Concat(file.FixedParams?.Keys ?? []).Concat(file.CurrentParams?.Keys ?? []);
        if (declared.FirstOrDefault(n => !RagParameters.All.Contains(n, StringComparer.Ordinal)) is string unknown)
        {
            string hint = KeySuggestion.Nearest(unknown, RagParameters.All) is string near ? $"did you mean \"{near}\"?" : "expected one of: " + string.Join(", ", RagParameters.All);
            throw Error(file, spec, $"parameter \"{unknown}\" is not one the rag pipeline knows; {hint}");
        }

        CheckValues(file, spec, file.CurrentParams, "current_params");
        CheckValues(file, spec, file.FixedParams, "fixed_params");
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

        try
        {
            RagDataset dataset = RagDataset.Load(corpus, questions);
            var objective = new RagObjective(dataset, new RagObjectiveOptions { Metric = metric });
            return (objective, $"rag {metric} over {dataset.Documents.Count} documents, {dataset.Questions.Count} questions");
        }
        catch (InvalidDataException e)
        {
            throw Error(file, spec, e.Message.TrimEnd('.'));
        }
    }

    private static void CheckValues(ExperimentFile file, RagObjectiveSpec spec, IReadOnlyDictionary<string, object?>? values, string key)
    {
        try
        {
            _ = values is null ? null : RagParameters.Read(values);
        }
        catch (ArgumentException e)
        {
            throw Error(file, spec, $"\"{key}\": {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}");
        }
    }

    private static InputException Error(ExperimentFile file, RagObjectiveSpec spec, string problem) =>
        new(spec.Position.Describe(file.Path, problem));
}
