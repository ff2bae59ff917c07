using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class WeightedEvaluatorTests
{
    [Fact]
    public async Task EvaluateAsync_WeightedMeanWithEachScoreInDetails()
    {
        var evaluator = new WeightedEvaluator((new ExactMatchEvaluator(), 1), (new TokenF1Evaluator(), 3));
        var item = new EvaluationItem("1", "q") { Reference = "The Eiffel Tower" };

        ItemScore score = await evaluator.EvaluateAsync(item, "the tower in Paris");

        Assert.Equal(((1 * 0.0) + (3 * 0.4)) / 4, score.Score, 12);
        Assert.Equal(0.0, score.Details["exact_match"]);
        Assert.Equal(0.4, (double)score.Details["token_f1"]!, 12);
        Assert.IsType<IReadOnlyDictionary<string, object?>>(score.Details["token_f1_details"], exactMatch: false);
    }

    [Fact]
    public void Constructor_InvalidComponents_Throw()
    {
        Assert.Throws<ArgumentException>(() => new WeightedEvaluator());
        Assert.Throws<ArgumentException>(() => new WeightedEvaluator((new ExactMatchEvaluator(), -1)));
        Assert.Throws<ArgumentException>(() => new WeightedEvaluator((new ExactMatchEvaluator(), 0)));
        Assert.Throws<ArgumentException>(() => new WeightedEvaluator((new ExactMatchEvaluator(), 1), (new ExactMatchEvaluator(), 1)));
    }

    [Fact]
    public async Task EvaluateAllAsync_ScoresInOrderAndSummary()
    {
        EvaluationItem[] items = [new("1", "q") { Reference = "a b" }, new("2", "q") { Reference = "c" }];

        var (scores, summary) = await new TokenF1Evaluator().EvaluateAllAsync(items, ["a b", "d"]);

        Assert.Equal([1.0, 0.0], scores.Select(s => s.Score));
        Assert.Equal(new EvaluationSummary(2, 0.5, Math.Sqrt(0.5), 0, 1), summary);
    }
}
