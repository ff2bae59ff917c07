using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>
/// A retrieval pipeline scored on a corpus and questions, optionally with a model answering from the retrieved passages
/// (<c>{"rag": {"corpus": "corpus/", "questions": "questions.jsonl", "metric": "ndcg@5", "generation": {...}}}</c>).
/// </summary>
/// <param name="Corpus">The corpus folder, relative to the experiment file.</param>
/// <param name="Questions">The questions file (JSON Lines), relative to the experiment file.</param>
/// <param name="Metric">The retrieval metric; nDCG at each run's top_k when null.</param>
/// <param name="Position">Where the objective is declared.</param>
internal sealed record RagObjectiveSpec(string Corpus, string Questions, string? Metric, SourcePosition Position) : ObjectiveSpec(Position)
{
    /// <summary>Gets the generation stage; retrieval only when null.</summary>
    public RagGenerationSpec? Generation { get; init; }
}
