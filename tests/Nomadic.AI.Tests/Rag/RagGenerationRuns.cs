using Nomadic.AI.Rag;
using Nomadic.AI.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests.Rag;

/// <summary>The example's dataset and single runs of a <see cref="RagObjective"/> that generates answers.</summary>
internal static class RagGenerationRuns
{
    public static readonly RagDataset Example = RagDataset.Load(
        Path.Combine(Repository.Example("rag"), "corpus"), Path.Combine(Repository.Example("rag"), "questions.jsonl"));

    /// <summary>Paragraph chunks, BM25, two passages a question.</summary>
    public static readonly Dictionary<string, object?> Bm25Paragraphs = new() { ["chunking"] = "paragraph", ["retriever"] = "bm25", ["top_k"] = 2 };

    /// <summary>Runs the objective once with these parameters, <c>chunking</c> from the search space and the others fixed.</summary>
    public static async Task<RunResult> Run(RagObjective objective, Dictionary<string, object?> parameters)
    {
        var fixedParams = new Dictionary<string, object?>(parameters);
        fixedParams.Remove("chunking");
        var space = new SearchSpace { ["chunking"] = Tune.Choice(parameters["chunking"]!) };
        ExperimentResult result = await new Experiment(space, objective, new ExperimentOptions { NumSamples = 1, FixedParams = fixedParams }).RunAsync(CancellationToken.None);
        return Assert.Single(result.RunResults);
    }
}
