namespace Nomadic.Analysis;

/// <summary>What a <see cref="ConfigurationComparison"/> compared.</summary>
public enum ComparisonData
{
    /// <summary>Nothing: the runs lack per-item or repeated scores (the verdict says why).</summary>
    None,

    /// <summary>Per-item scores (metadata <c>item_scores</c>), paired item by item: Wilcoxon signed-rank test and bootstrap interval.</summary>
    ItemScores,

    /// <summary>Scores of repeated evaluations (metadata <c>score_values</c>): Mann–Whitney U test.</summary>
    RepeatedScores,
}
