using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI;

/// <summary>What the model answered for one item and how the answer scored.</summary>
/// <param name="Output">The model's answer.</param>
/// <param name="Score">The evaluator's score.</param>
internal sealed record ItemOutcome(string Output, ItemScore Score)
{
    /// <summary>The first outcomes as <c>example_outputs</c> metadata: a list of <c>{id, query, output, score}</c>.</summary>
    public static List<Dictionary<string, object?>> Examples(IReadOnlyList<EvaluationItem> items, IReadOnlyList<ItemOutcome> outcomes, int count) =>
        outcomes.Take(count).Select((o, i) => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = items[i].Id,
            ["query"] = items[i].Query,
            ["output"] = o.Output,
            ["score"] = o.Score.Score,
        }).ToList();
}
