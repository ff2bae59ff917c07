using Microsoft.Extensions.AI;

namespace Nomadic.AI.Rag;

/// <summary>
/// A retrieval pipeline over one corpus and one <see cref="RagConfiguration"/>: chunking, retrieval, optional reranking,
/// and optional generation through any <see cref="IChatClient"/>.
/// </summary>
/// <remarks>Build it with <c>CreateAsync</c>; after that it is thread-safe.</remarks>
public sealed class RagPipeline
{
    private readonly IRetriever _retriever;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;

    private RagPipeline(RagConfiguration configuration, IReadOnlyList<Chunk> chunks, IRetriever retriever, IEmbeddingGenerator<string, Embedding<float>>? embeddings)
    {
        Configuration = configuration;
        Chunks = chunks;
        _retriever = retriever;
        _embeddings = embeddings;
    }

    /// <summary>Gets the configuration.</summary>
    public RagConfiguration Configuration { get; }

    /// <summary>Gets every chunk of the index, in document order.</summary>
    public IReadOnlyList<Chunk> Chunks { get; }

    /// <summary>Chunks the documents and builds the retriever (embedding the chunks when the configuration needs it).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="documents">The corpus.</param>
    /// <param name="embeddings">The embedding model; required when <see cref="RagConfiguration.NeedsEmbeddings"/>. Pass a cached one (such as <see cref="Models.MiniLmEmbeddingGenerator"/>) when building many pipelines.</param>
    /// <param name="cancellationToken">Fires when building must stop.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentException">The configuration needs embeddings and none are given.</exception>
    public static Task<RagPipeline> CreateAsync(RagConfiguration configuration, IReadOnlyList<RagDocument> documents, IEmbeddingGenerator<string, Embedding<float>>? embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(documents);
        if (configuration.NeedsEmbeddings && embeddings is null)
        {
            throw new ArgumentException("This configuration retrieves or reranks with embeddings; pass an embedding generator.", nameof(embeddings));
        }

        var cache = new RagIndexCache(documents, new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(() => embeddings!));
        return CreateAsync(configuration, cache, cancellationToken);
    }

    internal static async Task<RagPipeline> CreateAsync(RagConfiguration configuration, RagIndexCache cache, CancellationToken cancellationToken)
    {
        RagIndex index = cache.Get(configuration.Chunker);
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = configuration.NeedsEmbeddings ? index.Embeddings.Value : null;
        IRetriever? sparse = configuration.Retriever != RetrieverKind.Embedding ? new Bm25Retriever(index.Bm25, configuration.Bm25) : null;
        IRetriever? dense = configuration.Retriever != RetrieverKind.Bm25
            ? new EmbeddingRetriever(index.Chunks, await index.VectorsAsync(cancellationToken).ConfigureAwait(false), embeddings!)
            : null;
        IRetriever retriever = configuration.Retriever switch
        {
            RetrieverKind.Bm25 => sparse!,
            RetrieverKind.Embedding => dense!,
            _ => new HybridRetriever(sparse!, dense!, configuration.Hybrid),
        };
        return new RagPipeline(configuration, index.Chunks, retriever, embeddings);
    }

    /// <summary>Retrieves (and reranks) the <see cref="RagConfiguration.TopK"/> best chunks for a query.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Fires when retrieval must stop.</param>
    /// <returns>The chunks, best first.</returns>
    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        int topK = Configuration.TopK;
        if (Configuration.Reranker is not IReranker reranker)
        {
            return await _retriever.RetrieveAsync(query, topK, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<ScoredChunk> candidates = await _retriever.RetrieveAsync(query, Math.Max(topK, Configuration.RerankCandidates), cancellationToken).ConfigureAwait(false);
        return await reranker.RerankAsync(new RerankContext(query, candidates, topK, _embeddings!), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Retrieves context for a question and asks a chat model to answer from it, with the default prompts
    /// (<see cref="RagObjectiveOptions.DefaultSystemPrompt"/>, <see cref="RagObjectiveOptions.DefaultPrompt"/>).
    /// </summary>
    /// <param name="question">The question.</param>
    /// <param name="chatClient">The chat model.</param>
    /// <param name="cancellationToken">Fires when retrieval or generation must stop.</param>
    /// <returns>The answer and its context.</returns>
    public async Task<RagAnswer> AnswerAsync(string question, IChatClient chatClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        IReadOnlyList<ScoredChunk> context = await RetrieveAsync(question, cancellationToken).ConfigureAwait(false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["context"] = RagContextText.Of(context), ["query"] = question };
        ChatResponse response = await chatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, RagObjectiveOptions.DefaultSystemPrompt.Render(values)),
             new ChatMessage(ChatRole.User, RagObjectiveOptions.DefaultPrompt.Render(values))],
            null,
            cancellationToken).ConfigureAwait(false);
        return new RagAnswer(response.Text, context);
    }
}
