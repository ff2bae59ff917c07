using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>
/// Combines evaluators: the score is the weighted mean of theirs, and the details hold each one's score and details
/// under its name.
/// </summary>
/// <example>
/// <code>
/// var evaluator = new WeightedEvaluator((new TokenF1Evaluator(), 0.5), (new SemanticSimilarityEvaluator(embeddings), 0.5));
/// </code>
/// </example>
public sealed class WeightedEvaluator : IEvaluator
{
    private readonly (IEvaluator Evaluator, double Weight)[] _components;
    private readonly double _totalWeight;

    /// <summary>Initializes a new instance of the <see cref="WeightedEvaluator"/> class.</summary>
    /// <param name="components">The evaluators and their weights (0 or more, not all 0); names must be distinct.</param>
    /// <exception cref="ArgumentException">No evaluators, a negative weight, weights adding up to 0, or a repeated name.</exception>
    public WeightedEvaluator(params IReadOnlyList<(IEvaluator Evaluator, double Weight)> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0)
        {
            throw new ArgumentException("A weighted evaluator needs at least one evaluator.", nameof(components));
        }

        foreach ((IEvaluator evaluator, double weight) in components)
        {
            ArgumentNullException.ThrowIfNull(evaluator, nameof(components));
            if (!(weight >= 0) || !double.IsFinite(weight))
            {
                throw new ArgumentException($"The weight of {evaluator.Name} must be 0 or more, got {weight}.", nameof(components));
            }
        }

        if (components.Select(c => c.Evaluator.Name).Distinct(StringComparer.Ordinal).Count() != components.Count)
        {
            throw new ArgumentException("The evaluators' names must be distinct.", nameof(components));
        }

        _components = [.. components];
        _totalWeight = _components.Sum(c => c.Weight);
        if (_totalWeight <= 0)
        {
            throw new ArgumentException("The weights add up to 0.", nameof(components));
        }
    }

    /// <inheritdoc />
    /// <value>The value is <c>weighted</c>.</value>
    public string Name => "weighted";

    /// <inheritdoc />
    public async ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
    {
        double sum = 0;
        var details = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((IEvaluator evaluator, double weight) in _components)
        {
            ItemScore score = await evaluator.EvaluateAsync(item, output, cancellationToken).ConfigureAwait(false);
            sum += weight * score.Score;
            details[evaluator.Name] = score.Score;
            if (score.Details.Count > 0)
            {
                details[evaluator.Name + "_details"] = score.Details;
            }
        }

        return new ItemScore(sum / _totalWeight, details);
    }
}
