namespace Nomadic.AI.Rag;

/// <summary>Combines a sparse retriever (typically BM25) and a dense one (typically embeddings) by a weight α.</summary>
public sealed class HybridRetriever : IRetriever
{
    private readonly IRetriever _sparse;
    private readonly IRetriever _dense;
    private readonly HybridOptions _options;

    /// <summary>Initializes a new instance of the <see cref="HybridRetriever"/> class.</summary>
    /// <param name="sparse">The retriever weighted 1 − α.</param>
    /// <param name="dense">The retriever weighted α.</param>
    /// <param name="options">Weight and fusion; α = 0.5 with score fusion when null.</param>
    /// <exception cref="ArgumentNullException">A retriever is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public HybridRetriever(IRetriever sparse, IRetriever dense, HybridOptions? options = null)
    {
        _sparse = sparse ?? throw new ArgumentNullException(nameof(sparse));
        _dense = dense ?? throw new ArgumentNullException(nameof(dense));
        _options = options ?? new HybridOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int candidates = Math.Max(count, _options.Candidates);
        IReadOnlyList<ScoredChunk> sparse = await _sparse.RetrieveAsync(query, candidates, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ScoredChunk> dense = await _dense.RetrieveAsync(query, candidates, cancellationToken).ConfigureAwait(false);
        var fused = new Dictionary<Chunk, (double Score, int Order)>();
        Add(fused, sparse, 1 - _options.Alpha, 0);
        Add(fused, dense, _options.Alpha, sparse.Count);
        return fused.OrderByDescending(e => e.Value.Score).ThenBy(e => e.Value.Order).Take(count)
            .Select(e => new ScoredChunk(e.Key, e.Value.Score)).ToList();
    }

    private void Add(Dictionary<Chunk, (double Score, int Order)> fused, IReadOnlyList<ScoredChunk> ranking, double weight, int orderOffset)
    {
        double max = ranking.Count > 0 ? ranking.Max(c => c.Score) : 0;
        double min = ranking.Count > 0 ? ranking.Min(c => c.Score) : 0;
        for (int rank = 0; rank < ranking.Count; rank++)
        {
            double part = _options.Fusion == FusionMethod.ReciprocalRank
                ? weight / (_options.RrfK + rank + 1)
                : weight * (max > min ? (ranking[rank].Score - min) / (max - min) : 1);
            (double score, int order) = fused.GetValueOrDefault(ranking[rank].Chunk, (0, orderOffset + rank));
            fused[ranking[rank].Chunk] = (score + part, order);
        }
    }
}
