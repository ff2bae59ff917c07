namespace Nomadic.AI.Rag;

/// <summary>How a <see cref="HybridRetriever"/> merges the rankings of its two retrievers.</summary>
public enum FusionMethod
{
    /// <summary>
    /// Min-max normalized score fusion: each retriever's candidate scores are rescaled to [0, 1] and combined as
    /// α · dense + (1 − α) · sparse; a chunk missing from a list gets 0 there.
    /// </summary>
    Score,

    /// <summary>
    /// Weighted reciprocal rank fusion (Cormack et al., 2009): α / (k + rank in dense) + (1 − α) / (k + rank in sparse),
    /// ranks from 1, k = <see cref="HybridOptions.RrfK"/>; a chunk missing from a list adds nothing for it.
    /// </summary>
    ReciprocalRank,
}
