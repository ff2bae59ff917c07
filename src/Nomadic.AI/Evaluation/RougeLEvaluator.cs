using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Scores ROUGE-L (Lin, 2004): the longest common subsequence of output and reference tokens, as an F-measure of
/// its precision (LCS / output length) and recall (LCS / reference length).
/// </summary>
/// <remarks>
/// Tokens as in Google's rouge-score: lower case, split on every character other than a-z and 0-9, no stemming.
/// F = (1 + β²)·P·R / (R + β²·P); β = 1 (the default, rouge-score's F1) weighs both alike, a larger β favours recall
/// (the COCO caption scorer uses 1.2).
/// </remarks>
public sealed class RougeLEvaluator : IEvaluator
{
    /// <summary>Initializes a new instance of the <see cref="RougeLEvaluator"/> class.</summary>
    /// <param name="beta">The weight of recall relative to precision, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive and finite.</exception>
    public RougeLEvaluator(double beta = 1.0)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "ROUGE-L's beta must be positive and finite.");
        }

        Beta = beta;
    }

    /// <summary>Gets the weight of recall relative to precision.</summary>
    /// <value>The default value is 1.</value>
    public double Beta { get; }

    /// <inheritdoc />
    /// <value>The value is <c>rouge_l</c>.</value>
    public string Name => "rouge_l";

    /// <inheritdoc />
    public ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] reference = TextNormalizer.RougeTokens(References.Of(item, Name));
        string[] answer = TextNormalizer.RougeTokens(output);
        int lcs = LongestCommonSubsequence(answer, reference);
        double precision = answer.Length == 0 ? 0 : (double)lcs / answer.Length;
        double recall = reference.Length == 0 ? 0 : (double)lcs / reference.Length;
        double beta2 = Beta * Beta;
        double f = lcs == 0 ? 0 : (1 + beta2) * precision * recall / (recall + (beta2 * precision));
        return new(new ItemScore(f, new Dictionary<string, object?> { ["lcs"] = lcs, ["precision"] = precision, ["recall"] = recall, ["f"] = f }));
    }

    /// <summary>The length of the longest common subsequence, in O(n·m) time and O(m) memory.</summary>
    internal static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (string token in a)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(token, b[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
