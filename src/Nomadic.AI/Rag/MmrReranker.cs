namespace Nomadic.AI.Rag;

/// <summary>
/// Maximal marginal relevance (Carbonell and Goldstein, 1998): picks, one at a time, the candidate maximizing
/// λ · sim(query, c) − (1 − λ) · max over the picked chunks p of sim(c, p), with cosine similarity of embeddings, so
/// near-duplicate chunks (overlapping windows of one passage) give way to other passages.
/// </summary>
public sealed class MmrReranker : IReranker
{
    /// <summary>Initializes a new instance of the <see cref="MmrReranker"/> class.</summary>
    /// <param name="lambda">The weight of relevance against diversity, from 0 (diversity only) to 1 (relevance only). The default is 0.7.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is outside [0, 1].</exception>
    public MmrReranker(double lambda = 0.7)
    {
        if (!(lambda is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The MMR weight lambda must be between 0 and 1.");
        }

        Lambda = lambda;
    }

    /// <summary>Gets the weight of relevance against diversity.</summary>
    public double Lambda { get; }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ScoredChunk>> RerankAsync(RerankContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context.Candidates);
        IReadOnlyList<ScoredChunk> candidates = context.Candidates;
        float[][] vectors = await VectorMath.EmbedAsync(context.Embeddings, [context.Query, .. candidates.Select(c => c.Chunk.Text)], cancellationToken).ConfigureAwait(false);
        double[] relevance = candidates.Select((_, i) => VectorMath.Cosine(vectors[0], vectors[i + 1])).ToArray();
        double[] redundancy = new double[candidates.Count];
        var left = Enumerable.Range(0, candidates.Count).ToList();
        var picked = new List<ScoredChunk>();
        while (picked.Count < context.Count && left.Count > 0)
        {
            int best = left.MaxBy(i => (Lambda * relevance[i]) - ((1 - Lambda) * redundancy[i]));
            picked.Add(new ScoredChunk(candidates[best].Chunk, (Lambda * relevance[best]) - ((1 - Lambda) * redundancy[best])));
            left.Remove(best);
            foreach (int i in left)
            {
                redundancy[i] = Math.Max(redundancy[i], VectorMath.Cosine(vectors[i + 1], vectors[best + 1]));
            }
        }

        return picked;
    }
}
