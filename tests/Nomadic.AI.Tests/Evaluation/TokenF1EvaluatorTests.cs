using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class TokenF1EvaluatorTests
{
    [Theory]
    [InlineData("the tower in Paris", "The Eiffel Tower", 0.4)] // tower in paris vs eiffel tower: P 1/3, R 1/2
    [InlineData("Eiffel Tower", "the eiffel tower.", 1.0)]
    [InlineData("red red blue", "red blue blue", 2.0 / 3)] // red and blue shared once each: P = R = 2/3
    [InlineData("nothing shared", "something else", 0.0)]
    [InlineData("the", "a", 1.0)] // both empty after removing articles
    [InlineData("the", "paris", 0.0)]
    [InlineData("new\u001Fyork city", "New York City", 1.0)] // Python's str.split splits on U+001F
    public async Task EvaluateAsync_HandComputedF1(string output, string reference, double expected)
    {
        ItemScore score = await new TokenF1Evaluator().EvaluateAsync(new EvaluationItem("1", "q") { Reference = reference }, output);

        Assert.Equal(expected, score.Score, 12);
    }

    [Fact]
    public async Task EvaluateAsync_Details_HoldPrecisionAndRecall()
    {
        ItemScore score = await new TokenF1Evaluator().EvaluateAsync(new EvaluationItem("1", "q") { Reference = "The Eiffel Tower" }, "the tower in Paris");

        Assert.Equal(1.0 / 3, (double)score.Details["precision"]!, 12);
        Assert.Equal(0.5, (double)score.Details["recall"]!, 12);
    }
}
