using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class JudgeResponseParserTests
{
    private static readonly JudgeRubric Rubric = new(new Dictionary<string, double> { ["accuracy"] = 3, ["clarity"] = 1 });

    [Theory]
    [InlineData("{\"accuracy\": 8, \"clarity\": 6}")]
    [InlineData("Here is my verdict:\n```json\n{ \"Accuracy\": 8, \"Clarity\": 6, }\n```\nThanks.")]
    [InlineData("{\"scores\": {\"ACCURACY\": \"8/10\", \"clarity\": \"60%\"}, \"reason\": \"a {brace} in text\"}")]
    [InlineData("{\"accuracy\": {\"score\": 8, \"why\": \"mostly right\"}, \"clarity\": {\"score\": 6}}")]
    [InlineData("[{\"criterion\": \"accuracy\", \"score\": 8}, {\"criterion\": \"clarity\", \"score\": 6}]")]
    [InlineData("{\"criteria\": [{\"name\": \"accuracy\", \"score\": 8}, {\"name\": \"clarity\", \"score\": 6}]}")]
    [InlineData("Accuracy: 8/10\nClarity = 6")]
    [InlineData("Note {not json}. {\"accuracy\": 8.0, \"clarity\": 6.0}")]
    public void TryParse_VariousAnswerShapes_ReadsScores(string response)
    {
        Assert.True(JudgeResponseParser.TryParse(response, Rubric, out Dictionary<string, double> scores, out string? error), error);

        Assert.Equal(0.8, scores["accuracy"], 12);
        Assert.Equal(0.6, scores["clarity"], 12);
        Assert.Equal((3 * 0.8 + 0.6) / 4, Rubric.WeightedScore(scores), 12);
    }

    [Fact]
    public void TryParse_ZeroToOneScale_KeepsScores()
    {
        var rubric = new JudgeRubric(new Dictionary<string, double> { ["faithfulness"] = 1 }, JudgeScale.ZeroToOne);

        Assert.True(JudgeResponseParser.TryParse("{\"faithfulness\": 0.75}", rubric, out Dictionary<string, double> scores, out _));

        Assert.Equal(0.75, scores["faithfulness"]);
    }

    [Fact]
    public void TryParse_OutOfRange_Clamped()
    {
        Assert.True(JudgeResponseParser.TryParse("{\"accuracy\": 12, \"clarity\": -1}", Rubric, out Dictionary<string, double> scores, out _));

        Assert.Equal(1.0, scores["accuracy"]);
        Assert.Equal(0.0, scores["clarity"]);
    }

    [Theory]
    [InlineData("{\"accuracy\": 8}", "clarity")]
    [InlineData("I cannot judge this.", "accuracy, clarity")]
    [InlineData("{\"accuracy\": \"good\", \"clarity\": 5}", "accuracy")]
    public void TryParse_MissingCriterion_ErrorNamesIt(string response, string missing)
    {
        Assert.False(JudgeResponseParser.TryParse(response, Rubric, out _, out string? error));

        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_IgnoresCaseAndPunctuation()
    {
        Assert.Equal(JudgeResponseParser.Key("Factual accuracy"), JudgeResponseParser.Key("factual_accuracy"));
    }
}
