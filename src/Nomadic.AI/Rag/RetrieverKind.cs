namespace Nomadic.AI.Rag;

/// <summary>Which retriever a <see cref="RagPipeline"/> builds over its chunks.</summary>
public enum RetrieverKind
{
    /// <summary>Okapi BM25 (<see cref="Bm25Retriever"/>): exact terms.</summary>
    Bm25,

    /// <summary>Cosine similarity of embeddings (<see cref="EmbeddingRetriever"/>): meaning, paraphrases.</summary>
    Embedding,

    /// <summary>Both, fused by a weight (<see cref="HybridRetriever"/>).</summary>
    Hybrid,
}
