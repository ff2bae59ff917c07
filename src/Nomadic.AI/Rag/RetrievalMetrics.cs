namespace Nomadic.AI.Rag;

/// <summary>
/// Retrieval metrics with binary relevance. A retrieved chunk is relevant to a question when it comes from one of the
/// question's relevant documents, or when it contains the reference answer (compared without case, white space
/// collapsed), wherever it comes from.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>hit rate@k = 1 when one of the first k chunks is relevant, else 0;</item>
/// <item>MRR@k: the reciprocal rank 1 / r of the first relevant chunk among the first k, 0 when there is none;</item>
/// <item>nDCG@k = DCG / IDCG with DCG = Σ_{i ≤ k} gain_i / log2(i + 1). A relevant chunk gains 1 only when it is the
/// first retrieved chunk of its document, so several chunks of one passage count once (their document is the unit of
/// relevance). IDCG places min(k, R) gains first, R being the number of documents with a relevant chunk in the index;
/// so nDCG is 1 when all the documents that could be found are found at the top;</item>
/// <item>recall@k: the share of the question's relevant documents with a chunk among the first k.</item>
/// </list>
/// </remarks>
public static class RetrievalMetrics
{
    /// <summary>Hit rate at k.</summary>
    /// <param name="relevance">The relevance of each retrieved chunk, best first.</param>
    /// <param name="k">The cutoff; at least 1.</param>
    /// <returns>1 or 0.</returns>
    public static double HitRate(IReadOnlyList<bool> relevance, int k)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return relevance.Take(k).Any(r => r) ? 1 : 0;
    }

    /// <summary>Reciprocal rank at k.</summary>
    /// <param name="relevance">The relevance of each retrieved chunk, best first.</param>
    /// <param name="k">The cutoff; at least 1.</param>
    /// <returns>1 / rank of the first relevant chunk (ranks from 1), or 0.</returns>
    public static double ReciprocalRank(IReadOnlyList<bool> relevance, int k)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        for (int i = 0; i < Math.Min(k, relevance.Count); i++)
        {
            if (relevance[i])
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>Normalized discounted cumulative gain at k with binary gains.</summary>
    /// <param name="gains">The gain of each retrieved chunk, best first (0 or 1).</param>
    /// <param name="k">The cutoff; at least 1.</param>
    /// <param name="relevantCount">How many relevant items exist (R); the ideal ranking has min(k, R) gains first.</param>
    /// <returns>DCG / IDCG, in [0, 1] when the gains hold at most R ones; 0 when R is 0.</returns>
    public static double Ndcg(IReadOnlyList<double> gains, int k, int relevantCount)
    {
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        double dcg = 0, ideal = 0;
        for (int i = 0; i < Math.Min(k, gains.Count); i++)
        {
            dcg += gains[i] / Math.Log2(i + 2);
        }

        for (int i = 0; i < Math.Min(k, relevantCount); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return ideal > 0 ? dcg / ideal : 0;
    }

    /// <summary>Recall of documents at k.</summary>
    /// <param name="retrievedDocumentIds">The documents of the retrieved chunks, best first.</param>
    /// <param name="relevantDocumentIds">The relevant documents.</param>
    /// <param name="k">The cutoff; at least 1.</param>
    /// <returns>The share of relevant documents among the first k chunks' documents; 0 without relevant documents.</returns>
    public static double Recall(IReadOnlyList<string> retrievedDocumentIds, IReadOnlyCollection<string> relevantDocumentIds, int k)
    {
        ArgumentNullException.ThrowIfNull(retrievedDocumentIds);
        ArgumentNullException.ThrowIfNull(relevantDocumentIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (relevantDocumentIds.Count == 0)
        {
            return 0;
        }

        return (double)retrievedDocumentIds.Take(k).Distinct(StringComparer.Ordinal).Count(relevantDocumentIds.Contains) / relevantDocumentIds.Count;
    }

    /// <summary>Every metric of one question, judging relevance as described on this class.</summary>
    /// <param name="question">The question, with its relevant documents and reference answer.</param>
    /// <param name="retrieved">The retrieved chunks, best first.</param>
    /// <param name="index">Every chunk of the index, to count the documents that hold a relevant chunk (nDCG's R).</param>
    /// <param name="k">The cutoff; at least 1.</param>
    /// <returns>The scores.</returns>
    public static RetrievalScores Evaluate(RagQuestion question, IReadOnlyList<Chunk> retrieved, IReadOnlyList<Chunk> index, int k)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(retrieved);
        ArgumentNullException.ThrowIfNull(index);
        var judge = new RelevanceJudge(question);
        bool[] relevance = retrieved.Select(judge.IsRelevant).ToArray();
        var credited = new HashSet<string>(StringComparer.Ordinal);
        double[] gains = retrieved.Select((c, i) => relevance[i] && credited.Add(c.DocumentId) ? 1.0 : 0.0).ToArray();
        int relevantDocuments = index.Where(judge.IsRelevant).Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).Count();
        return new RetrievalScores(
            HitRate(relevance, k),
            ReciprocalRank(relevance, k),
            Ndcg(gains, k, relevantDocuments),
            Recall(retrieved.Select(c => c.DocumentId).ToList(), question.RelevantDocumentIds.ToHashSet(StringComparer.Ordinal), k));
    }
}
