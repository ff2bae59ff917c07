using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>Evaluates many outputs at once.</summary>
public static class EvaluatorExtensions
{
    /// <summary>Scores each output against its item, one after the other, and aggregates the scores.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="items">The items.</param>
    /// <param name="outputs">The outputs, one per item in the same order.</param>
    /// <param name="cancellationToken">Cancels between items.</param>
    /// <returns>The item scores in item order, and their summary.</returns>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static async Task<(IReadOnlyList<ItemScore> Scores, EvaluationSummary Summary)> EvaluateAllAsync(
        this IEvaluator evaluator, IReadOnlyList<EvaluationItem> items, IReadOnlyList<string> outputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(outputs);
        if (items.Count != outputs.Count)
        {
            throw new ArgumentException($"{items.Count} items but {outputs.Count} outputs.", nameof(outputs));
        }

        var scores = new List<ItemScore>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            scores.Add(await evaluator.EvaluateAsync(items[i], outputs[i], cancellationToken).ConfigureAwait(false));
        }

        return (scores, EvaluationSummary.Of([.. scores.Select(s => s.Score)]));
    }
}
