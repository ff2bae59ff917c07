namespace Nomadic.AI.Rag;

/// <summary>A generated answer and the chunks it was generated from.</summary>
/// <param name="Text">The chat model's answer.</param>
/// <param name="Context">The retrieved chunks given to the model, best first.</param>
public sealed record RagAnswer(string Text, IReadOnlyList<ScoredChunk> Context);
