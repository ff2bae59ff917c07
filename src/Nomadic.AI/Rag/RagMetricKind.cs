namespace Nomadic.AI.Rag;

/// <summary>A retrieval metric (see <see cref="RetrievalMetrics"/> for the definitions).</summary>
public enum RagMetricKind
{
    /// <summary>Hit rate at k (<c>hit_rate</c>).</summary>
    HitRate,

    /// <summary>Mean reciprocal rank, cut at k (<c>mrr</c>).</summary>
    Mrr,

    /// <summary>Normalized discounted cumulative gain at k (<c>ndcg</c>).</summary>
    Ndcg,

    /// <summary>Recall of the relevant documents at k (<c>recall</c>).</summary>
    Recall,
}
