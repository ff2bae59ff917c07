using Microsoft.Extensions.AI;

namespace Nomadic.AI.Rag;

/// <summary>
/// The chunks of a corpus under one chunker, with their BM25 statistics and embeddings, each built on first use and
/// then shared by every pipeline using that chunker (thread-safe).
/// </summary>
internal sealed class RagIndex
{
    private readonly Lazy<Bm25Index> _bm25;
    private readonly Lazy<Task<float[][]>> _vectors;

    public RagIndex(IReadOnlyList<Chunk> chunks, Lazy<IEmbeddingGenerator<string, Embedding<float>>> embeddings)
    {
        Chunks = chunks;
        Embeddings = embeddings;
        _bm25 = new Lazy<Bm25Index>(() => new Bm25Index(chunks), LazyThreadSafetyMode.ExecutionAndPublication);
        _vectors = new Lazy<Task<float[][]>>(
            () => VectorMath.EmbedAsync(embeddings.Value, chunks.Select(c => c.Text).ToList(), CancellationToken.None),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<Chunk> Chunks { get; }

    public Lazy<IEmbeddingGenerator<string, Embedding<float>>> Embeddings { get; }

    public Bm25Index Bm25 => _bm25.Value;

    /// <summary>The chunks' embeddings; computed once, without the caller's token so a cancelled run leaves no broken cache.</summary>
    public Task<float[][]> VectorsAsync(CancellationToken cancellationToken) => _vectors.Value.WaitAsync(cancellationToken);
}
