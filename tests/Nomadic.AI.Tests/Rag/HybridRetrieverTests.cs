using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class HybridRetrieverTests
{
    private static readonly Chunk A = new("a", 0, "a");
    private static readonly Chunk B = new("b", 0, "b");
    private static readonly Chunk C = new("c", 0, "c");

    // Sparse: A 10, B 5, C 0 → normalized 1, 0.5, 0. Dense: C 0.9, B 0.7, A 0.5 → 1, 0.5, 0.
    private static readonly FixedRetriever Sparse = new(new(A, 10), new(B, 5), new(C, 0));
    private static readonly FixedRetriever Dense = new(new(C, 0.9), new(B, 0.7), new(A, 0.5));

    [Theory]
    [InlineData(0.0, "a")]
    [InlineData(1.0, "c")]
    [InlineData(0.3, "a")]
    [InlineData(0.7, "c")]
    public async Task RetrieveAsync_ScoreFusion_AlphaWeighsTheDenseSide(double alpha, string first)
    {
        IReadOnlyList<ScoredChunk> top = await new HybridRetriever(Sparse, Dense, new HybridOptions { Alpha = alpha }).RetrieveAsync("q", 3, CancellationToken.None);

        Assert.Equal(first, top[0].Chunk.DocumentId);
        Assert.Equal(0.5, top.Single(c => c.Chunk == B).Score, 12);
    }

    [Fact]
    public async Task RetrieveAsync_ScoreFusion_CombinesNormalizedScores()
    {
        IReadOnlyList<ScoredChunk> top = await new HybridRetriever(Sparse, Dense, new HybridOptions { Alpha = 0.25 }).RetrieveAsync("q", 3, CancellationToken.None);

        Assert.Equal([0.75, 0.5, 0.25], top.Select(c => c.Score));
    }

    [Fact]
    public async Task RetrieveAsync_ReciprocalRankFusion_UsesRanksOnly()
    {
        var options = new HybridOptions { Alpha = 0.5, Fusion = FusionMethod.ReciprocalRank, RrfK = 60 };

        IReadOnlyList<ScoredChunk> top = await new HybridRetriever(Sparse, Dense, options).RetrieveAsync("q", 3, CancellationToken.None);

        // A (ranks 1 and 3) and C (3 and 1) tie at 0.5/61 + 0.5/63, above B (2 and 2) at 1/62; the tie keeps sparse order.
        Assert.Equal(["a", "c", "b"], top.Select(c => c.Chunk.DocumentId));
        Assert.Equal((0.5 / 61) + (0.5 / 63), top[0].Score, 12);
        Assert.Equal(1.0 / 62, top[2].Score, 12);
    }

    [Fact]
    public void Constructor_AlphaOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HybridRetriever(Sparse, Dense, new HybridOptions { Alpha = 1.2 }));

    private sealed class FixedRetriever(params ScoredChunk[] ranking) : IRetriever
    {
        public ValueTask<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int count, CancellationToken cancellationToken) =>
            new(ranking.Take(count).ToList());
    }
}
