using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class LlmJudgeEvaluatorTests
{
    private static readonly EvaluationItem Item = new("1", "What is the capital of France?") { Reference = "Paris", Contexts = ["France's capital is Paris."] };

    [Fact]
    public async Task EvaluateAsync_JudgeScores_WeightedMeanAndPromptWithRubric()
    {
        var judge = new ScriptedChatClient("```json\n{\"accuracy\": 9, \"conciseness\": 5}\n```");
        var rubric = new JudgeRubric([new JudgeCriterion("accuracy", 0.75, "Is the answer correct?"), new JudgeCriterion("conciseness", 0.25)]);

        ItemScore score = await new LlmJudgeEvaluator(judge, rubric).EvaluateAsync(Item, "Paris.");

        Assert.Equal((0.75 * 0.9) + (0.25 * 0.5), score.Score, 12);
        Assert.Equal(0.9, (double)score.Details["accuracy"]!, 12);
        string prompt = Assert.Single(judge.Requests).Prompt;
        Assert.Contains("What is the capital of France?", prompt, StringComparison.Ordinal);
        Assert.Contains("Reference answer:\nParis", prompt, StringComparison.Ordinal);
        Assert.Contains("France's capital is Paris.", prompt, StringComparison.Ordinal);
        Assert.Contains("- accuracy: Is the answer correct?", prompt, StringComparison.Ordinal);
        Assert.Contains("from 0 (worst) to 10 (best)", prompt, StringComparison.Ordinal);
        Assert.Equal(0f, Assert.Single(judge.Requests).Options!.Temperature);
    }

    [Fact]
    public async Task EvaluateAsync_UnreadableAnswer_ZeroWithErrorAndRawAnswer()
    {
        var judge = new ScriptedChatClient("Looks fine to me!");
        var rubric = new JudgeRubric(new Dictionary<string, double> { ["accuracy"] = 1 });

        ItemScore score = await new LlmJudgeEvaluator(judge, rubric).EvaluateAsync(Item, "Paris.");

        Assert.Equal(0, score.Score);
        Assert.Contains("accuracy", (string)score.Details["judge_error"]!, StringComparison.Ordinal);
        Assert.Equal("Looks fine to me!", score.Details["judge_response"]);
    }

    [Fact]
    public void JudgeRubric_InvalidWeights_Throw()
    {
        Assert.Throws<ArgumentException>(() => new JudgeRubric(new Dictionary<string, double>()));
        Assert.Throws<ArgumentException>(() => new JudgeRubric(new Dictionary<string, double> { ["a"] = -1, ["b"] = 2 }));
        Assert.Throws<ArgumentException>(() => new JudgeRubric(new Dictionary<string, double> { ["a"] = 0 }));
        Assert.Throws<ArgumentException>(() => new JudgeRubric(new Dictionary<string, double> { ["Clarity"] = 1, ["clarity"] = 1 }));
    }
}
