namespace Nomadic.AI.Evaluation;

/// <summary>
/// The weighted criteria an LLM judge scores outputs by (nomadic's <c>custom_evaluator</c>): the item's score is the
/// weighted mean of the criteria's scores, each brought to [0, 1].
/// </summary>
/// <example>
/// <code>
/// var rubric = new JudgeRubric(new Dictionary&lt;string, double&gt; { ["accuracy"] = 0.7, ["clarity"] = 0.3 });
/// </code>
/// </example>
public sealed class JudgeRubric
{
    /// <summary>Initializes a new instance of the <see cref="JudgeRubric"/> class from criterion names and weights.</summary>
    /// <param name="weights">Criterion name → weight.</param>
    /// <param name="scale">The range the judge scores in.</param>
    /// <exception cref="ArgumentException">No criteria, a blank or repeated name, a negative weight, or weights adding up to 0.</exception>
    public JudgeRubric(IReadOnlyDictionary<string, double> weights, JudgeScale scale = JudgeScale.ZeroToTen)
        : this(weights?.Select(w => new JudgeCriterion(w.Key, w.Value)).ToList() ?? throw new ArgumentNullException(nameof(weights)), scale)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JudgeRubric"/> class from criteria with descriptions.</summary>
    /// <param name="criteria">The criteria.</param>
    /// <param name="scale">The range the judge scores in.</param>
    /// <exception cref="ArgumentException">No criteria, a blank or repeated name, a negative weight, or weights adding up to 0.</exception>
    public JudgeRubric(IReadOnlyList<JudgeCriterion> criteria, JudgeScale scale = JudgeScale.ZeroToTen)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count == 0)
        {
            throw new ArgumentException("A rubric needs at least one criterion.", nameof(criteria));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (JudgeCriterion criterion in criteria)
        {
            if (string.IsNullOrWhiteSpace(criterion.Name) || !keys.Add(JudgeResponseParser.Key(criterion.Name)))
            {
                throw new ArgumentException($"Criterion names must be non-blank and distinct (ignoring case and punctuation); \"{criterion.Name}\" is not.", nameof(criteria));
            }

            if (!(criterion.Weight >= 0) || !double.IsFinite(criterion.Weight))
            {
                throw new ArgumentException($"The weight of \"{criterion.Name}\" must be 0 or more, got {criterion.Weight}.", nameof(criteria));
            }
        }

        if (criteria.Sum(c => c.Weight) <= 0)
        {
            throw new ArgumentException("The criteria's weights add up to 0.", nameof(criteria));
        }

        Criteria = [.. criteria];
        Scale = scale;
    }

    /// <summary>Gets the criteria, in order.</summary>
    public IReadOnlyList<JudgeCriterion> Criteria { get; }

    /// <summary>Gets the range the judge scores in.</summary>
    /// <value>The default value is <see cref="JudgeScale.ZeroToTen"/>.</value>
    public JudgeScale Scale { get; }

    /// <summary>Gets the top of the scale: 10 or 1.</summary>
    public double Maximum => Scale == JudgeScale.ZeroToTen ? 10 : 1;

    /// <summary>Returns the weighted mean of criterion scores already brought to [0, 1].</summary>
    /// <param name="scores">Criterion name → score in [0, 1]; every criterion must be present.</param>
    /// <returns>The weighted mean.</returns>
    public double WeightedScore(IReadOnlyDictionary<string, double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return Criteria.Sum(c => c.Weight * scores[c.Name]) / Criteria.Sum(c => c.Weight);
    }
}
