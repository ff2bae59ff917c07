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
    public static Task<(IReadOnlyList<ItemScore> Scores, EvaluationSummary Summary)> EvaluateAllAsync(
        this IEvaluator evaluator, IReadOnlyList<EvaluationItem> items, IReadOnlyList<string> outputs, CancellationToken cancellationToken = default) =>
        evaluator.EvaluateAllAsync(items, outputs, maxConcurrency: 1, cancellationToken);

    /// <summary>
    /// Scores each output against its item, up to <paramref name="maxConcurrency"/> at a time, and aggregates the scores.
    /// An LLM judge spends its time waiting for the model, so several items in flight multiply its throughput.
    /// </summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="items">The items.</param>
    /// <param name="outputs">The outputs, one per item in the same order.</param>
    /// <param name="maxConcurrency">The most items scored at the same time; 1 scores them one after the other.</param>
    /// <param name="cancellationToken">Cancels the items not yet scored.</param>
    /// <returns>The item scores in item order, and their summary.</returns>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is less than 1.</exception>
    public static async Task<(IReadOnlyList<ItemScore> Scores, EvaluationSummary Summary)> EvaluateAllAsync(
        this IEvaluator evaluator, IReadOnlyList<EvaluationItem> items, IReadOnlyList<string> outputs, int maxConcurrency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        if (items.Count != outputs.Count)
        {
            throw new ArgumentException($"{items.Count} items but {outputs.Count} outputs.", nameof(outputs));
        }

        var scores = new ItemScore[items.Count];
        if (maxConcurrency == 1)
        {
            for (int i = 0; i < items.Count; i++)
            {
                scores[i] = await evaluator.EvaluateAsync(items[i], outputs[i], cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForAsync(0, items.Count, parallel, async (i, ct) =>
                scores[i] = await evaluator.EvaluateAsync(items[i], outputs[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return (scores, EvaluationSummary.Of([.. scores.Select(s => s.Score)]));
    }
}
