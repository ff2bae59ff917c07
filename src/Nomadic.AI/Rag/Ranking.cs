namespace Nomadic.AI.Rag;

/// <summary>Picks the best-scored chunks.</summary>
internal static class Ranking
{
    /// <summary>The <paramref name="count"/> highest scores, best first, ties in index order; chunks scoring NaN are left out.</summary>
    public static IReadOnlyList<ScoredChunk> Top(IReadOnlyList<double> scores, IReadOnlyList<Chunk> chunks, int count) =>
        Enumerable.Range(0, scores.Count)
            .Where(i => !double.IsNaN(scores[i]))
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(count)
            .Select(i => new ScoredChunk(chunks[i], scores[i]))
            .ToList();
}
