namespace Nomadic.AI.Rag;

/// <summary>One configuration of a retrieval pipeline: how documents are chunked, retrieved and reranked.</summary>
/// <remarks>Read from a run's parameters with <see cref="RagParameters"/>.</remarks>
public sealed record RagConfiguration
{
    /// <summary>Gets how documents are split into chunks.</summary>
    /// <value>The default value is 200-word chunks without overlap.</value>
    public IChunker Chunker { get; init; } = new FixedSizeChunker(200);

    /// <summary>Gets the retriever built over the chunks.</summary>
    /// <value>The default value is <see cref="RetrieverKind.Bm25"/>.</value>
    public RetrieverKind Retriever { get; init; } = RetrieverKind.Bm25;

    /// <summary>Gets the BM25 constants (BM25 and hybrid retrieval).</summary>
    /// <value>The default value is k1 = 1.2, b = 0.75.</value>
    public Bm25Options Bm25 { get; init; } = new();

    /// <summary>Gets the weight and fusion of hybrid retrieval.</summary>
    /// <value>The default value is α = 0.5 with score fusion.</value>
    public HybridOptions Hybrid { get; init; } = new();

    /// <summary>Gets how many chunks a query returns.</summary>
    /// <value>The default value is 5.</value>
    public int TopK { get; init; } = 5;

    /// <summary>Gets the reranker applied to the retriever's candidates; null for none.</summary>
    /// <value>The default value is null.</value>
    public IReranker? Reranker { get; init; }

    /// <summary>Gets how many candidates the retriever passes to the reranker (at least <see cref="TopK"/>).</summary>
    /// <value>The default value is 20.</value>
    public int RerankCandidates { get; init; } = 20;

    /// <summary>Gets a value indicating whether the configuration embeds chunks (embedding or hybrid retrieval, or a reranker).</summary>
    public bool NeedsEmbeddings => Retriever != RetrieverKind.Bm25 || Reranker is not null;
}
