namespace Nomadic.AI.Rag;

/// <summary>
/// Okapi BM25 over the chunks: score(q, c) = Σ over the query's terms t of idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · |c| / avg|c|)),
/// with idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5)) and terms from a lower-casing tokenizer that drops English stop
/// words and stems plurals. A query term repeated counts once per occurrence.
/// </summary>
public sealed class Bm25Retriever : IRetriever
{
    private readonly Bm25Index _index;
    private readonly Bm25Options _options;

    /// <summary>Initializes a new instance of the <see cref="Bm25Retriever"/> class, indexing the chunks.</summary>
    /// <param name="chunks">The chunks to search.</param>
    /// <param name="options">The BM25 constants; k1 = 1.2 and b = 0.75 when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A constant is out of range.</exception>
    public Bm25Retriever(IReadOnlyList<Chunk> chunks, Bm25Options? options = null)
        : this(new Bm25Index(chunks ?? throw new ArgumentNullException(nameof(chunks))), options)
    {
    }

    internal Bm25Retriever(Bm25Index index, Bm25Options? options)
    {
        _index = index;
        _options = options ?? new Bm25Options();
        _options.Validate();
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new(Ranking.Top(Score(query), _index.Chunks, count));
    }

    /// <summary>The BM25 score of every chunk for the query, in index order.</summary>
    /// <param name="query">The query text.</param>
    /// <returns>One score per chunk; 0 for a chunk that shares no term with the query.</returns>
    public double[] Score(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        double[] scores = new double[_index.Chunks.Count];
        double k1 = _options.K1;
        double b = _options.B;
        foreach (string term in TextTokenizer.Tokenize(query))
        {
            double idf = _index.Idf(term);
            for (int i = 0; i < scores.Length; i++)
            {
                if (_index.TermCounts[i].TryGetValue(term, out int tf))
                {
                    double norm = 1 - b + (b * _index.Lengths[i] / _index.AverageLength);
                    scores[i] += idf * tf * (k1 + 1) / (tf + (k1 * norm));
                }
            }
        }

        return scores;
    }
}
