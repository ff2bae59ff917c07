namespace Nomadic.AI.Rag;

/// <summary>Reorders a retriever's candidates with a more expensive or more diverse judgement, keeping the best few.</summary>
/// <remarks>
/// Called once per query after retrieval, possibly from several threads at once: implementations must be thread-safe.
/// A reranker returns only chunks among the candidates and must not call the retriever again.
/// </remarks>
public interface IReranker
{
    /// <summary>Reorders the candidates.</summary>
    /// <param name="context">The query, the candidates, how many to keep and an embedding model.</param>
    /// <param name="cancellationToken">Fires when reranking must stop.</param>
    /// <returns>Up to <see cref="RerankContext.Count"/> of the candidates, best first, with the reranker's scores.</returns>
    ValueTask<IReadOnlyList<ScoredChunk>> RerankAsync(RerankContext context, CancellationToken cancellationToken);
}
