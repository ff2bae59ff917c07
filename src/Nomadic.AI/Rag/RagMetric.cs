using System.Globalization;

namespace Nomadic.AI.Rag;

/// <summary>The retrieval metric a <see cref="RagObjective"/> scores by, with its cutoff: <c>ndcg@5</c>, <c>mrr</c>, <c>hit_rate@3</c>, <c>recall@10</c>.</summary>
/// <param name="Kind">The metric.</param>
/// <param name="K">The cutoff; null for each run's own <c>top_k</c>.</param>
public sealed record RagMetric(RagMetricKind Kind, int? K = null)
{
    private static readonly Dictionary<string, RagMetricKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hit_rate"] = RagMetricKind.HitRate,
        ["mrr"] = RagMetricKind.Mrr,
        ["ndcg"] = RagMetricKind.Ndcg,
        ["recall"] = RagMetricKind.Recall,
    };

    /// <summary>Gets the metric names <see cref="TryParse"/> knows.</summary>
    public static IReadOnlyCollection<string> KnownNames => Names.Keys;

    /// <summary>Gets the metric's name in metadata: <c>hit_rate</c>, <c>mrr</c>, <c>ndcg</c> or <c>recall</c>.</summary>
    public string Name => Names.First(n => n.Value == Kind).Key;

    /// <summary>Reads a metric such as <c>ndcg@5</c> or <c>mrr</c>.</summary>
    /// <param name="text">A name, optionally followed by <c>@k</c> with k ≥ 1.</param>
    /// <param name="metric">The metric, when the text is one.</param>
    /// <returns>Whether the text is a metric.</returns>
    public static bool TryParse(string? text, out RagMetric? metric)
    {
        metric = null;
        string[] parts = (text ?? "").Trim().Split('@');
        if (parts.Length > 2 || !Names.TryGetValue(parts[0], out RagMetricKind kind))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            metric = new RagMetric(kind);
            return true;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1)
        {
            return false;
        }

        metric = new RagMetric(kind, k);
        return true;
    }

    /// <summary>Reads a metric such as <c>ndcg@5</c> or <c>mrr</c>.</summary>
    /// <param name="text">A name, optionally followed by <c>@k</c> with k ≥ 1.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="FormatException">The text is not a metric.</exception>
    public static RagMetric Parse(string text) => TryParse(text, out RagMetric? metric) ? metric!
        : throw new FormatException($"Unknown retrieval metric \"{text}\"; expected one of {string.Join(", ", KnownNames)}, optionally with @k (e.g. ndcg@5).");

    /// <inheritdoc/>
    public override string ToString() => K is int k ? string.Create(CultureInfo.InvariantCulture, $"{Name}@{k}") : Name;
}
