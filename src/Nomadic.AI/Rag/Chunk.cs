namespace Nomadic.AI.Rag;

/// <summary>A piece of a document that is indexed and retrieved on its own.</summary>
/// <param name="DocumentId">The document it comes from.</param>
/// <param name="Index">Its position among the chunks of that document, from 0.</param>
/// <param name="Text">Its text.</param>
public sealed record Chunk(string DocumentId, int Index, string Text);
