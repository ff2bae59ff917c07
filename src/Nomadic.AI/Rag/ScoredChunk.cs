namespace Nomadic.AI.Rag;

/// <summary>A retrieved chunk and its score; higher is more relevant, on a scale that depends on the retriever.</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Score">Its score.</param>
public readonly record struct ScoredChunk(Chunk Chunk, double Score);
