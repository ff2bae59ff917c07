using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class BleuEvaluatorTests
{
    private static readonly EvaluationItem Mat = new("1", "q") { Reference = "the cat is on the mat" };

    [Fact]
    public async Task EvaluateAsync_Identical_One()
    {
        Assert.Equal(1.0, (await new BleuEvaluator().EvaluateAsync(Mat, "The cat is on the mat")).Score, 12);
    }

    [Fact]
    public async Task EvaluateAsync_InformationSeparatorsBetweenWords_SplitAsPythonDoes()
    {
        Assert.Equal(1.0, (await new BleuEvaluator().EvaluateAsync(Mat, "The\u001Ccat\u001Dis\u001Eon\u001Fthe mat")).Score, 12);
    }

    [Fact]
    public async Task EvaluateAsync_NoFourGramMatch_SmoothedByMethodOne()
    {
        // Precisions 5/6, 3/5, 1/4 and 0/3 → 0.1/3 (method 1); equal lengths, no brevity penalty.
        double expected = Math.Exp(0.25 * (Math.Log(5.0 / 6) + Math.Log(3.0 / 5) + Math.Log(1.0 / 4) + Math.Log(0.1 / 3)));

        ItemScore score = await new BleuEvaluator().EvaluateAsync(Mat, "the cat sat on the mat");

        Assert.Equal(expected, score.Score, 12);
        Assert.Equal(0.25406637407730737, score.Score, 12);
        Assert.Equal([5.0 / 6, 3.0 / 5, 1.0 / 4, 0.0], (List<double>)score.Details["precisions"]!);
        Assert.Equal(1.0, score.Details["brevity_penalty"]);
    }

    [Fact]
    public async Task EvaluateAsync_ShortOutput_BrevityPenaltyAndSmoothing()
    {
        // "the cat": p1 = 2/2, p2 = 1/1, no trigram or 4-gram: 0.1/1 each; BP = exp(1 - 6/2).
        double expected = Math.Exp(-2) * Math.Exp(0.25 * (2 * Math.Log(0.1)));

        ItemScore score = await new BleuEvaluator().EvaluateAsync(Mat, "the cat");

        Assert.Equal(expected, score.Score, 12);
        Assert.Equal(Math.Exp(-2), (double)score.Details["brevity_penalty"]!, 12);
    }

    [Fact]
    public async Task EvaluateAsync_NoCommonWordOrEmpty_Zero()
    {
        Assert.Equal(0.0, (await new BleuEvaluator().EvaluateAsync(Mat, "dogs bark loudly")).Score);
        Assert.Equal(0.0, (await new BleuEvaluator().EvaluateAsync(Mat, "")).Score);
    }

    [Fact]
    public async Task EvaluateAsync_MaxOrderTwo_GeometricMeanOfTwo()
    {
        ItemScore score = await new BleuEvaluator(maxOrder: 2).EvaluateAsync(Mat, "the cat sat on the mat");

        Assert.Equal(Math.Sqrt(5.0 / 6 * (3.0 / 5)), score.Score, 12);
    }

    [Fact]
    public void Score_ClipsRepeatedWords()
    {
        // "the the the the" against "the cat is on the mat": unigram matches clipped to 2 of 4.
        ItemScore score = BleuEvaluator.Score(["the", "the", "the", "the"], ["the", "cat", "is", "on", "the", "mat"], maxOrder: 1);

        Assert.Equal(0.5 * Math.Exp(1 - 6.0 / 4), score.Score, 12);
    }
}
