using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class ExactMatchEvaluatorTests
{
    [Theory]
    [InlineData("The Eiffel Tower!", "eiffel   tower", 1)]
    [InlineData("An apple.", "apple", 1)]
    [InlineData("PARIS", "paris", 1)]
    [InlineData("Paris, France", "Paris", 0)]
    [InlineData("the theory", "theory", 1)]
    [InlineData("Eiffel-Tower", "eiffel tower", 0)]
    [InlineData("New\u001CYork", "new york", 1)] // Python's str.split splits on the information separators U+001C–U+001F
    [InlineData("new\u3000york\u0085", "New York", 1)]
    public async Task EvaluateAsync_SquadNormalization(string output, string reference, double expected)
    {
        ItemScore score = await new ExactMatchEvaluator().EvaluateAsync(new EvaluationItem("1", "q") { Reference = reference }, output);

        Assert.Equal(expected, score.Score);
    }

    [Fact]
    public async Task EvaluateAsync_NoReference_ThrowsNamingItem()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await new ExactMatchEvaluator().EvaluateAsync(new EvaluationItem("q7", "q"), "x"));

        Assert.Contains("q7", error.Message, StringComparison.Ordinal);
    }
}
