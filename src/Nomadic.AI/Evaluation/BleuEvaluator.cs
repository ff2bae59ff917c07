using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Scores sentence BLEU (Papineni et al., 2002) of the output against the reference answer, as NLTK's
/// <c>sentence_bleu</c> with uniform weights and <c>SmoothingFunction().method1</c>.
/// </summary>
/// <remarks>
/// Modified n-gram precisions up to <see cref="MaxOrder"/>, combined by a geometric mean and multiplied by the brevity
/// penalty exp(1 − r/c) when the output (c tokens) is shorter than the reference (r tokens). Smoothing method 1 (Chen
/// and Cherry, 2014) replaces a zero count of matching n-grams by 0.1, so one missing order does not zero the score; an
/// output sharing no word with the reference still scores 0. Tokens are words and punctuation marks.
/// </remarks>
public sealed class BleuEvaluator : IEvaluator
{
    private const double Epsilon = 0.1;

    /// <summary>Initializes a new instance of the <see cref="BleuEvaluator"/> class.</summary>
    /// <param name="maxOrder">The longest n-grams counted, from 1 to 4.</param>
    /// <param name="lowercase">Whether tokens are compared ignoring case.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxOrder"/> is outside 1..4.</exception>
    public BleuEvaluator(int maxOrder = 4, bool lowercase = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrder, 4);
        MaxOrder = maxOrder;
        Lowercase = lowercase;
    }

    /// <summary>Gets the longest n-grams counted.</summary>
    /// <value>The default value is 4.</value>
    public int MaxOrder { get; }

    /// <summary>Gets a value indicating whether tokens are compared ignoring case.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Lowercase { get; }

    /// <inheritdoc />
    /// <value>The value is <c>bleu</c>.</value>
    public string Name => "bleu";

    /// <inheritdoc />
    public ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] reference = TextNormalizer.WordTokens(References.Of(item, Name), Lowercase);
        string[] hypothesis = TextNormalizer.WordTokens(output, Lowercase);
        return new(Score(hypothesis, reference, MaxOrder));
    }

    /// <summary>Sentence BLEU of tokenized text, with the precisions and brevity penalty in the details.</summary>
    internal static ItemScore Score(string[] hypothesis, string[] reference, int maxOrder)
    {
        double brevity = BrevityPenalty(reference.Length, hypothesis.Length);
        var precisions = new double[maxOrder];
        double logSum = 0;
        bool anyUnigram = true;
        for (int n = 1; n <= maxOrder; n++)
        {
            (int matches, int total) = ModifiedPrecision(hypothesis, reference, n);
            anyUnigram &= n != 1 || matches > 0;
            double precision = (matches == 0 ? Epsilon : matches) / (double)Math.Max(1, total);
            precisions[n - 1] = matches == 0 ? 0 : matches / (double)Math.Max(1, total);
            logSum += Math.Log(precision) / maxOrder;
        }

        double score = anyUnigram ? brevity * Math.Exp(logSum) : 0;
        return new ItemScore(score, new Dictionary<string, object?>
        {
            ["precisions"] = precisions.ToList(),
            ["brevity_penalty"] = brevity,
            ["output_length"] = hypothesis.Length,
            ["reference_length"] = reference.Length,
        });
    }

    private static (int Matches, int Total) ModifiedPrecision(string[] hypothesis, string[] reference, int n)
    {
        Dictionary<string, int> hypothesisCounts = NGrams(hypothesis, n);
        Dictionary<string, int> referenceCounts = NGrams(reference, n);
        int matches = hypothesisCounts.Sum(g => Math.Min(g.Value, referenceCounts.GetValueOrDefault(g.Key)));
        return (matches, hypothesisCounts.Values.Sum());
    }

    private static Dictionary<string, int> NGrams(string[] tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Length; i++)
        {
            // U+001F (unit separator) cannot occur inside a word or punctuation token.
            string gram = string.Join('\u001F', tokens, i, n);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }

    private static double BrevityPenalty(int referenceLength, int hypothesisLength) =>
        hypothesisLength > referenceLength ? 1
        : hypothesisLength == 0 ? 0
        : Math.Exp(1 - ((double)referenceLength / hypothesisLength));
}
