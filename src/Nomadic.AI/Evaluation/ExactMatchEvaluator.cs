using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Scores 1 when the output equals the reference answer after SQuAD normalization (case, ASCII punctuation, the
/// articles a/an/the and extra whitespace ignored), else 0.
/// </summary>
public sealed class ExactMatchEvaluator : IEvaluator
{
    /// <inheritdoc />
    /// <value>The value is <c>exact_match</c>.</value>
    public string Name => "exact_match";

    /// <inheritdoc />
    public ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        string reference = TextNormalizer.NormalizeAnswer(References.Of(item, Name));
        string answer = TextNormalizer.NormalizeAnswer(output);
        double score = string.Equals(reference, answer, StringComparison.Ordinal) ? 1 : 0;
        return new(new ItemScore(score, new Dictionary<string, object?> { ["normalized_output"] = answer, ["normalized_reference"] = reference }));
    }
}
