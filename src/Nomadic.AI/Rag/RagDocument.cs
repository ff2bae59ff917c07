namespace Nomadic.AI.Rag;

/// <summary>One document of a retrieval corpus.</summary>
/// <param name="Id">The document's identifier, unique in its corpus (for a folder corpus, the file name without extension).</param>
/// <param name="Text">The document's text (plain text or Markdown).</param>
public sealed record RagDocument(string Id, string Text);
