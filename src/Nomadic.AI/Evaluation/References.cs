using Nomadic.AI.Datasets;

namespace Nomadic.AI.Evaluation;

/// <summary>Reads the reference answer that reference-based evaluators need.</summary>
internal static class References
{
    public static string Of(EvaluationItem item, string evaluator)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Reference ?? throw new ArgumentException($"Item \"{item.Id}\" has no reference answer, which the {evaluator} evaluator needs.", nameof(item));
    }
}
