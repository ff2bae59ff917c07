using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class RetrievalMetricsTests
{
    private static readonly bool[] Ranking = [false, true, true, false, true];

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0)]
    [InlineData(5, 1.0)]
    public void HitRate_CountsAnyRelevantWithinK(int k, double expected) => Assert.Equal(expected, RetrievalMetrics.HitRate(Ranking, k));

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(3, 0.5)]
    public void ReciprocalRank_IsOneOverTheFirstRelevantRank(int k, double expected) =>
        Assert.Equal(expected, RetrievalMetrics.ReciprocalRank(Ranking, k));

    [Fact]
    public void Ndcg_MatchesHandComputedValue()
    {
        // DCG = 1/log2(3) + 1/log2(4) + 1/log2(6) = 0.63093 + 0.5 + 0.38685; IDCG (R = 3) = 1 + 0.63093 + 0.5.
        double ndcg = RetrievalMetrics.Ndcg([0, 1, 1, 0, 1], 5, 3);

        Assert.Equal(0.712263066514596, ndcg, 12);
    }

    [Fact]
    public void Ndcg_CutoffAndIdealCount()
    {
        Assert.Equal(1.0, RetrievalMetrics.Ndcg([1, 0, 0], 3, 1));
        Assert.Equal(1 / Math.Log2(3), RetrievalMetrics.Ndcg([0, 1], 5, 1), 12);
        Assert.Equal(0.0, RetrievalMetrics.Ndcg([0, 0, 1], 2, 1));
        Assert.Equal(0.0, RetrievalMetrics.Ndcg([1], 2, 0));
    }

    [Fact]
    public void Recall_IsTheShareOfRelevantDocumentsFound() =>
        Assert.Equal(0.5, RetrievalMetrics.Recall(["x", "a", "a", "y"], ["a", "b"], 4));

    [Fact]
    public void Evaluate_CreditsEachDocumentOnceAndAnswerSpansFromOtherDocuments()
    {
        var question = new RagQuestion("q", "When is it open?", "Open  from 9:00", ["a"]);
        Chunk a0 = new("a", 0, "Opening times."), a1 = new("a", 1, "More text."), b0 = new("b", 0, "open from\n9:00 daily"), c0 = new("c", 0, "Unrelated.");
        Chunk[] index = [a0, a1, b0, c0];

        RetrievalScores scores = RetrievalMetrics.Evaluate(question, [c0, a0, a1, b0], index, 4);

        // Relevance [0, 1, 1, 1]; gains [0, 1, 0, 1] (a1 repeats document a); R = 2 documents (a, and b by the answer span).
        Assert.Equal(1.0, scores.HitRate);
        Assert.Equal(0.5, scores.ReciprocalRank);
        Assert.Equal(((1 / Math.Log2(3)) + (1 / Math.Log2(5))) / (1 + (1 / Math.Log2(3))), scores.Ndcg, 12);
        Assert.Equal(1.0, scores.Recall);
    }
}
