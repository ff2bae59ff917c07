namespace Nomadic.AI.Rag;

/// <summary>The retrieval metrics of one query at a cutoff k, each in [0, 1].</summary>
/// <param name="HitRate">1 when a relevant chunk is among the first k, else 0.</param>
/// <param name="ReciprocalRank">1 / the rank of the first relevant chunk among the first k, 0 when there is none (averaged: MRR).</param>
/// <param name="Ndcg">Normalized discounted cumulative gain at k.</param>
/// <param name="Recall">The share of the relevant documents with a chunk among the first k.</param>
public readonly record struct RetrievalScores(double HitRate, double ReciprocalRank, double Ndcg, double Recall)
{
    /// <summary>The value of one metric.</summary>
    /// <param name="kind">The metric.</param>
    /// <returns>Its value.</returns>
    public double Get(RagMetricKind kind) => kind switch
    {
        RagMetricKind.HitRate => HitRate,
        RagMetricKind.Mrr => ReciprocalRank,
        RagMetricKind.Ndcg => Ndcg,
        RagMetricKind.Recall => Recall,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown retrieval metric."),
    };
}
