namespace Nomadic.AI.Evaluation;

/// <summary>How well one output did: a score in [0, 1] and the figures behind it.</summary>
/// <param name="Score">The score, higher is better.</param>
/// <param name="Details">The figures behind the score (precision, recall, the judge's answer...); empty when there are none.</param>
public sealed record ItemScore(double Score, IReadOnlyDictionary<string, object?> Details)
{
    /// <summary>Initializes a new instance of the <see cref="ItemScore"/> class without details.</summary>
    /// <param name="score">The score.</param>
    public ItemScore(double score)
        : this(score, new Dictionary<string, object?>())
    {
    }
}
