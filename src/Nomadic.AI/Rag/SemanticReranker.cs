namespace Nomadic.AI.Rag;

/// <summary>
/// Rescores each candidate by the cosine similarity of its embedding with the query's, so lexical candidates (from
/// BM25) are ordered by meaning; ties keep the retriever's order.
/// </summary>
public sealed class SemanticReranker : IReranker
{
    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ScoredChunk>> RerankAsync(RerankContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context.Candidates);
        float[][] vectors = await VectorMath.EmbedAsync(context.Embeddings, [context.Query, .. context.Candidates.Select(c => c.Chunk.Text)], cancellationToken).ConfigureAwait(false);
        return context.Candidates
            .Select((c, i) => (Chunk: c.Chunk, Score: VectorMath.Cosine(vectors[0], vectors[i + 1]), Order: i))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Order).Take(context.Count)
            .Select(c => new ScoredChunk(c.Chunk, c.Score)).ToList();
    }
}
