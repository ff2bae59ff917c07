using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class RagMetricTests
{
    [Theory]
    [InlineData("ndcg@5", RagMetricKind.Ndcg, 5)]
    [InlineData("MRR", RagMetricKind.Mrr, null)]
    [InlineData("hit_rate@3", RagMetricKind.HitRate, 3)]
    [InlineData("recall@10", RagMetricKind.Recall, 10)]
    public void TryParse_KnownMetric_ReadsKindAndCutoff(string text, RagMetricKind kind, int? k)
    {
        Assert.True(RagMetric.TryParse(text, out RagMetric? metric));
        Assert.Equal(new RagMetric(kind, k), metric);
    }

    [Theory]
    [InlineData("precision@5")]
    [InlineData("ndcg@0")]
    [InlineData("ndcg@")]
    [InlineData("ndcg@5@6")]
    public void TryParse_Unknown_ReturnsFalse(string text) => Assert.False(RagMetric.TryParse(text, out _));

    [Fact]
    public void ToString_RoundTrips() => Assert.Equal("ndcg@5", RagMetric.Parse("NDCG@5").ToString());
}
