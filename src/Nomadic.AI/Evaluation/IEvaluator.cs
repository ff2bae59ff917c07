using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>Scores one output of the system under test against its dataset item.</summary>
/// <remarks>
/// Called once per item and run, possibly concurrently for several items; implementations must be thread-safe and
/// must not change the item. A score is in [0, 1], higher is better; <see cref="ItemScore.Details"/> explains it.
/// </remarks>
public interface IEvaluator
{
    /// <summary>Gets the evaluator's name, used as a key in combined details (e.g. <c>rouge_l</c>).</summary>
    string Name { get; }

    /// <summary>Scores an output.</summary>
    /// <param name="item">The dataset item: query, reference answer, contexts.</param>
    /// <param name="output">What the system answered.</param>
    /// <param name="cancellationToken">Fires when the run must stop.</param>
    /// <returns>The score and its details.</returns>
    ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default);
}
