namespace Nomadic.AI.Rag;

/// <summary>The term statistics BM25 needs (term frequencies, document frequencies, lengths), shared by every (k1, b).</summary>
internal sealed class Bm25Index
{
    public Bm25Index(IReadOnlyList<Chunk> chunks)
    {
        Chunks = chunks;
        TermCounts = new Dictionary<string, int>[chunks.Count];
        Lengths = new int[chunks.Count];
        DocumentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < chunks.Count; i++)
        {
            List<string> tokens = TextTokenizer.Tokenize(chunks[i].Text);
            Lengths[i] = tokens.Count;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string token in tokens)
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }

            TermCounts[i] = counts;
            foreach (string term in counts.Keys)
            {
                DocumentFrequency[term] = DocumentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        AverageLength = chunks.Count == 0 ? 0 : Lengths.Average();
    }

    public IReadOnlyList<Chunk> Chunks { get; }

    public Dictionary<string, int>[] TermCounts { get; }

    public int[] Lengths { get; }

    public Dictionary<string, int> DocumentFrequency { get; }

    public double AverageLength { get; }

    /// <summary>The inverse document frequency ln(1 + (N − n + 0.5) / (n + 0.5)), Lucene's form, never negative.</summary>
    public double Idf(string term)
    {
        int n = DocumentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((Chunks.Count - n + 0.5) / (n + 0.5)));
    }
}
