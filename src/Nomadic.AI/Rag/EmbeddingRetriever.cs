using Microsoft.Extensions.AI;

namespace Nomadic.AI.Rag;

/// <summary>Dense retrieval: the chunks whose embeddings have the highest cosine similarity with the query's embedding.</summary>
public sealed class EmbeddingRetriever : IRetriever
{
    private readonly IReadOnlyList<Chunk> _chunks;
    private readonly float[][] _vectors;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;

    internal EmbeddingRetriever(IReadOnlyList<Chunk> chunks, float[][] vectors, IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        _chunks = chunks;
        _vectors = vectors;
        _embeddings = embeddings;
    }

    /// <summary>Embeds the chunks (in one call to the generator, which batches them) and returns a retriever over them.</summary>
    /// <param name="chunks">The chunks to search.</param>
    /// <param name="embeddings">The embedding model for the chunks and, later, the queries.</param>
    /// <param name="cancellationToken">Fires when embedding must stop.</param>
    /// <returns>The retriever.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<EmbeddingRetriever> CreateAsync(IReadOnlyList<Chunk> chunks, IEmbeddingGenerator<string, Embedding<float>> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(embeddings);
        float[][] vectors = await VectorMath.EmbedAsync(embeddings, chunks.Select(c => c.Text).ToList(), cancellationToken).ConfigureAwait(false);
        return new EmbeddingRetriever(chunks, vectors, embeddings);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Ranking.Top(await ScoreAsync(query, cancellationToken).ConfigureAwait(false), _chunks, count);
    }

    /// <summary>The cosine similarity of every chunk with the query, in index order.</summary>
    /// <param name="query">The query text.</param>
    /// <param name="cancellationToken">Fires when embedding the query must stop.</param>
    /// <returns>One similarity in [−1, 1] per chunk.</returns>
    public async Task<double[]> ScoreAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        float[] q = (await VectorMath.EmbedAsync(_embeddings, [query], cancellationToken).ConfigureAwait(false))[0];
        return _vectors.Select(v => VectorMath.Cosine(q, v)).ToArray();
    }
}
