using System.Text.RegularExpressions;

namespace Nomadic.AI.Rag;

/// <summary>Decides whether a chunk is relevant to a question: from a relevant document, or containing the reference answer.</summary>
internal sealed partial class RelevanceJudge(RagQuestion question)
{
    private readonly HashSet<string> _documents = question.RelevantDocumentIds.ToHashSet(StringComparer.Ordinal);
    private readonly string _answer = Normalize(question.Answer);

    public bool IsRelevant(Chunk chunk) =>
        _documents.Contains(chunk.DocumentId) || (_answer.Length > 0 && Normalize(chunk.Text).Contains(_answer, StringComparison.Ordinal));

    internal static string Normalize(string text) => WhiteSpace().Replace(text, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
