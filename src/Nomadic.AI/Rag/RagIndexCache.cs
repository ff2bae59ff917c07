using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Nomadic.AI.Rag;

/// <summary>
/// The indexes of one corpus by chunker key, so runs that chunk alike share chunks, BM25 statistics and embeddings:
/// a repeated chunking configuration neither re-chunks nor re-embeds the corpus. Thread-safe.
/// </summary>
internal sealed class RagIndexCache(IReadOnlyList<RagDocument> documents, Lazy<IEmbeddingGenerator<string, Embedding<float>>> embeddings)
{
    private readonly ConcurrentDictionary<string, Lazy<RagIndex>> _indexes = new(StringComparer.Ordinal);

    public Lazy<IEmbeddingGenerator<string, Embedding<float>>> Embeddings => embeddings;

    /// <summary>Gets how many distinct chunkers have been indexed.</summary>
    public int Count => _indexes.Count;

    public RagIndex Get(IChunker chunker) =>
        _indexes.GetOrAdd(chunker.Key, _ => new Lazy<RagIndex>(() => Build(chunker), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private RagIndex Build(IChunker chunker) =>
        new(documents.SelectMany(chunker.Split).ToList(), embeddings);
}
