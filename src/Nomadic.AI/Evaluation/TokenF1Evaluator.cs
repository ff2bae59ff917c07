using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Scores the token overlap of output and reference answer as SQuAD does: the harmonic mean of precision and recall
/// over the normalized tokens (a bag of words, each shared token counted as often as it appears in both).
/// </summary>
/// <remarks>When either side has no token, the score is 1 if both have none, else 0 (SQuAD 2.0).</remarks>
public sealed class TokenF1Evaluator : IEvaluator
{
    /// <inheritdoc />
    /// <value>The value is <c>token_f1</c>.</value>
    public string Name => "token_f1";

    /// <inheritdoc />
    public ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] reference = TextNormalizer.AnswerTokens(References.Of(item, Name));
        string[] answer = TextNormalizer.AnswerTokens(output);
        if (reference.Length == 0 || answer.Length == 0)
        {
            double empty = reference.Length == answer.Length ? 1 : 0;
            return new(new ItemScore(empty, Details(empty, empty, empty)));
        }

        int common = Overlap(answer, reference);
        if (common == 0)
        {
            return new(new ItemScore(0, Details(0, 0, 0)));
        }

        double precision = (double)common / answer.Length;
        double recall = (double)common / reference.Length;
        double f1 = 2 * precision * recall / (precision + recall);
        return new(new ItemScore(f1, Details(precision, recall, f1)));
    }

    /// <summary>The size of the multiset intersection of two token lists.</summary>
    internal static int Overlap(string[] left, string[] right)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string token in right)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        int common = 0;
        foreach (string token in left)
        {
            if (counts.TryGetValue(token, out int n) && n > 0)
            {
                counts[token] = n - 1;
                common++;
            }
        }

        return common;
    }

    private static Dictionary<string, object?> Details(double precision, double recall, double f1) =>
        new() { ["precision"] = precision, ["recall"] = recall, ["f1"] = f1 };
}
