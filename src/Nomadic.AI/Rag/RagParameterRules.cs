using Nomadic.Tuning;

namespace Nomadic.AI.Rag;

/// <summary>
/// What each parameter of a retrieval pipeline (<see cref="RagParameters.All"/>) accepts; the one rule for the run
/// (<see cref="RagParameters.Read(IReadOnlyDictionary{string, object?})"/>) and for a check of an experiment before it runs.
/// </summary>
/// <remarks>
/// Choices are text (<c>retriever: hybrid</c>); counts are whole numbers (<c>top_k</c>, <c>chunk_size</c>,
/// <c>hybrid_candidates</c>, <c>rerank_candidates</c>, <c>sentence_window</c> of 1 or more; <c>chunk_overlap</c>,
/// <c>sentence_overlap</c> of 0 or more); <c>bm25_k1</c> is a number of 0 or more; <c>bm25_b</c>, <c>hybrid_alpha</c>
/// and <c>mmr_lambda</c> are between 0 and 1. Numbers must be numbers: the text <c>"5"</c> is not a <c>top_k</c>.
/// Rules that relate two parameters (an overlap smaller than its chunk) are checked when a configuration is read.
/// </remarks>
public static class RagParameterRules
{
    private static readonly Dictionary<string, ParameterRule> Rules = new(StringComparer.Ordinal)
    {
        ["chunking"] = OneOf("fixed", "sentence", "paragraph"),
        ["chunk_size"] = ParameterRule.Whole(1),
        ["chunk_overlap"] = ParameterRule.Whole(0),
        ["chunk_unit"] = OneOf("words", "characters"),
        ["sentence_window"] = ParameterRule.Whole(1),
        ["sentence_overlap"] = ParameterRule.Whole(0),
        ["retriever"] = OneOf("bm25", "embedding", "hybrid"),
        ["bm25_k1"] = ParameterRule.Number(0),
        ["bm25_b"] = ParameterRule.Number(0, 1),
        ["hybrid_alpha"] = ParameterRule.Number(0, 1),
        ["fusion"] = OneOf("score", "rrf"),
        ["hybrid_candidates"] = ParameterRule.Whole(1),
        ["top_k"] = ParameterRule.Whole(1),
        ["rerank"] = OneOf("none", "semantic", "mmr"),
        ["rerank_candidates"] = ParameterRule.Whole(1),
        ["mmr_lambda"] = ParameterRule.Number(0, 1),
    };

    /// <summary>Checks one value.</summary>
    /// <param name="name">The parameter; a name outside <see cref="RagParameters.All"/> has no problem here.</param>
    /// <param name="value">The value; null means absent and has no problem.</param>
    /// <returns>The problem, or null when the value is usable.</returns>
    public static ParameterProblem? Check(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Rules.TryGetValue(name, out ParameterRule? rule) && rule.Problem(value) is string message ? new ParameterProblem(name, message) : null;
    }

    /// <summary>Checks every value a search-space domain can give.</summary>
    /// <param name="name">The parameter; a name outside <see cref="RagParameters.All"/> has no problem here.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The problem, or null when every value the domain gives is usable.</returns>
    public static ParameterProblem? Check(string name, Domain domain)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(domain);
        return Rules.TryGetValue(name, out ParameterRule? rule) && rule.Problem(domain) is string message ? new ParameterProblem(name, message) : null;
    }

    private static ParameterRule OneOf(params string[] choices) => ParameterRule.OneOf("one of ", choices);
}
