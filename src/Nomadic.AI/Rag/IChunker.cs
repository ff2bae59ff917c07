namespace Nomadic.AI.Rag;

/// <summary>Splits documents into chunks, the units a retriever indexes and returns.</summary>
/// <remarks>
/// Called once per document when an index is built, possibly from several threads at once: implementations must be
/// stateless (or thread-safe) and deterministic, since indexes are cached by <see cref="Key"/>.
/// </remarks>
public interface IChunker
{
    /// <summary>Gets a text that identifies the chunker and its settings: two chunkers with the same key split alike.</summary>
    string Key { get; }

    /// <summary>Splits one document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>Its chunks, in document order, none empty; no chunk for a blank document.</returns>
    IReadOnlyList<Chunk> Split(RagDocument document);
}
