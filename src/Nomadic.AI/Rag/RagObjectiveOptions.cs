using Microsoft.Extensions.AI;

namespace Nomadic.AI.Rag;

/// <summary>Settings of a <see cref="RagObjective"/>.</summary>
public sealed record RagObjectiveOptions
{
    /// <summary>Gets the metric whose mean over the questions is the run's score.</summary>
    /// <value>The default value is nDCG at each run's <c>top_k</c>.</value>
    public RagMetric Metric { get; init; } = new(RagMetricKind.Ndcg);

    /// <summary>Gets the embedding model; null for a <see cref="Models.MiniLmEmbeddingGenerator"/> created on first need and owned by the objective.</summary>
    /// <value>The default value is null.</value>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    /// <summary>
    /// Gets a chat model that answers every question from its retrieved context; null for retrieval only. With one, each
    /// run's metadata also holds <c>answer_score</c> and <c>item_answer_scores</c>; the score stays the retrieval metric.
    /// </summary>
    /// <value>The default value is null.</value>
    public IChatClient? ChatClient { get; init; }

    /// <summary>Gets how a generated answer is scored against the reference answer, from 0 to 1; null for token F1.</summary>
    /// <value>The default value is null (SQuAD's token F1 over lower-cased words).</value>
    public Func<string, string, double>? AnswerScorer { get; init; }
}
