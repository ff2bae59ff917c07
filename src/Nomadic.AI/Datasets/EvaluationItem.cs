namespace Nomadic.AI.Datasets;

/// <summary>One example of an evaluation dataset: a query, the answer expected and what a RAG system should find.</summary>
/// <param name="Id">The item's id, unique in its dataset (its position from 1 when the file gives none).</param>
/// <param name="Query">The question or input sent to the system.</param>
public sealed record EvaluationItem(string Id, string Query)
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    /// <summary>Gets the reference (expected) answer.</summary>
    /// <value>The default value is <see langword="null"/>: reference-free evaluators (an LLM judge) still apply.</value>
    public string? Reference { get; init; }

    /// <summary>Gets the context passages given with the query (the <c>{context}</c> of a prompt).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Contexts { get; init; } = [];

    /// <summary>Gets the ids of the documents a retriever should return for the query.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> RelevantDocumentIds { get; init; } = [];

    /// <summary>Gets the item's other fields, as text (nested JSON values as their JSON), usable as prompt placeholders.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;
}
