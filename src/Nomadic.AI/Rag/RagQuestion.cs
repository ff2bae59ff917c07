namespace Nomadic.AI.Rag;

/// <summary>One evaluation question of a retrieval dataset.</summary>
/// <param name="Id">The question's identifier.</param>
/// <param name="Question">The question as a user asks it.</param>
/// <param name="Answer">The reference answer: a short span copied from a relevant document.</param>
/// <param name="RelevantDocumentIds">The documents that answer the question; at least one.</param>
public sealed record RagQuestion(string Id, string Question, string Answer, IReadOnlyList<string> RelevantDocumentIds);
