using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class RougeLEvaluatorTests
{
    private static readonly EvaluationItem Cat = new("1", "q") { Reference = "The cat sat on the mat." };

    [Fact]
    public async Task EvaluateAsync_HandComputedLcs_F1()
    {
        // LCS "the cat on the mat" = 5 of 7 output tokens and 6 reference tokens: F1 = 2·(5/7)(5/6) / (5/7 + 5/6) = 50/65.
        ItemScore score = await new RougeLEvaluator().EvaluateAsync(Cat, "the cat was on the mat today");

        Assert.Equal(50.0 / 65, score.Score, 12);
        Assert.Equal(5, score.Details["lcs"]);
        Assert.Equal(5.0 / 7, (double)score.Details["precision"]!, 12);
        Assert.Equal(5.0 / 6, (double)score.Details["recall"]!, 12);
    }

    [Fact]
    public async Task EvaluateAsync_BetaTwo_FavoursRecall()
    {
        // (1 + 4)·P·R / (R + 4·P) = 125/155.
        ItemScore score = await new RougeLEvaluator(beta: 2).EvaluateAsync(Cat, "the cat was on the mat today");

        Assert.Equal(125.0 / 155, score.Score, 12);
    }

    [Fact]
    public async Task EvaluateAsync_IdenticalAndDisjoint_OneAndZero()
    {
        Assert.Equal(1.0, (await new RougeLEvaluator().EvaluateAsync(Cat, "THE CAT SAT ON THE MAT")).Score, 12);
        Assert.Equal(0.0, (await new RougeLEvaluator().EvaluateAsync(Cat, "dogs bark")).Score);
        Assert.Equal(0.0, (await new RougeLEvaluator().EvaluateAsync(Cat, "")).Score);
    }

    [Fact]
    public void LongestCommonSubsequence_OrderMatters()
    {
        Assert.Equal(2, RougeLEvaluator.LongestCommonSubsequence(["a", "b", "c", "d"], ["b", "a", "d"]));
        Assert.Equal(0, RougeLEvaluator.LongestCommonSubsequence([], ["a"]));
    }

    [Fact]
    public void Constructor_NonPositiveBeta_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RougeLEvaluator(0));
    }
}
