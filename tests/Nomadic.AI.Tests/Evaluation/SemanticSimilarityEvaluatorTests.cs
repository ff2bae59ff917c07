using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class SemanticSimilarityEvaluatorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    [Theory]
    [InlineData("The capital of France is Paris.", "Paris is France's capital city.", "I enjoy playing football on weekends.")]
    [InlineData("Water boils at 100 degrees Celsius.", "At sea level, water reaches its boiling point at 100 °C.", "The stock market closed lower on Friday.")]
    [InlineData("He bought a new car.", "He purchased a new automobile.", "The recipe needs two eggs.")]
    public async Task EvaluateAsync_SimilarPair_ScoresHigherThanDissimilar(string reference, string paraphrase, string unrelated)
    {
        var evaluator = new SemanticSimilarityEvaluator(fixture.Generator);
        var item = new EvaluationItem("1", "q") { Reference = reference };

        double similar = (await evaluator.EvaluateAsync(item, paraphrase)).Score;
        double dissimilar = (await evaluator.EvaluateAsync(item, unrelated)).Score;

        Assert.True(similar > 0.6, $"paraphrase scored {similar}");
        Assert.True(dissimilar < 0.3, $"unrelated text scored {dissimilar}");
        Assert.True(similar > dissimilar);
    }

    [Fact]
    public async Task EvaluateAsync_SameText_OneWithCosineInDetails()
    {
        ItemScore score = await new SemanticSimilarityEvaluator(fixture.Generator).EvaluateAsync(new EvaluationItem("1", "q") { Reference = "Same words." }, "Same words.");

        Assert.Equal(1.0, score.Score, 4);
        Assert.Equal(1.0, (double)score.Details["cosine"]!, 4);
    }

    [Fact]
    public void Cosine_OppositeAndZeroVectors()
    {
        Assert.Equal(-1.0, SemanticSimilarityEvaluator.Cosine([1, 0], [-1, 0]), 12);
        Assert.Equal(0.0, SemanticSimilarityEvaluator.Cosine([0, 0], [1, 0]));
    }
}
