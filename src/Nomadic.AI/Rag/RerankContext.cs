using Microsoft.Extensions.AI;

namespace Nomadic.AI.Rag;

/// <summary>What a reranker reorders: the query, the retriever's candidates and how many to keep.</summary>
/// <param name="Query">The query text.</param>
/// <param name="Candidates">The retrieved chunks, best first by the retriever's scores.</param>
/// <param name="Count">How many chunks to return at most.</param>
/// <param name="Embeddings">An embedding model a reranker may use (cached, so chunk texts already embedded cost nothing).</param>
public readonly record struct RerankContext(string Query, IReadOnlyList<ScoredChunk> Candidates, int Count, IEmbeddingGenerator<string, Embedding<float>> Embeddings);
