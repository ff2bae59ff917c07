namespace Nomadic.AI.Rag;

/// <summary>Finds the chunks of an index most relevant to a query.</summary>
/// <remarks>
/// Built over one set of chunks; called once per query, possibly from several threads at once, so implementations
/// must be thread-safe. A retriever must not change its chunks or scores between calls.
/// </remarks>
public interface IRetriever
{
    /// <summary>Retrieves the best chunks for a query.</summary>
    /// <param name="query">The query text.</param>
    /// <param name="count">How many chunks to return at most; at least 1.</param>
    /// <param name="cancellationToken">Fires when the retrieval must stop.</param>
    /// <returns>Up to <paramref name="count"/> chunks, best first; ties keep index order.</returns>
    ValueTask<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int count, CancellationToken cancellationToken);
}
