using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;
using Nomadic.AI.Rag;
using Nomadic.AI.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests.Rag;

public sealed class RagPromptChoiceTests
{
    private static readonly PromptVariants Variants = new(new Dictionary<string, string>
    {
        ["chatty"] = "Let us chat about this.\n{context}\nQ: {query}",
        ["terse"] = "Answer in a few words from the passages.\n{context}\nQ: {query}",
    });

    [Fact]
    public async Task Experiment_TwoPromptVariants_EachRunAsksWithItsVariantAndTheBetterOneWins()
    {
        RagDataset dataset = RagGenerationRuns.Example.WithFirstQuestions(4);
        using var chat = new ScriptedChatClient((prompt, _) => prompt.StartsWith("Answer in a few words", StringComparison.Ordinal) ? AnswerOf(dataset, prompt) : "Hmm.");
        using var objective = Objective(dataset, chat, new RagObjectiveOptions
        {
            SystemPrompt = null,
            Prompts = Variants,
            Score = RagScore.Answer,
        });
        var space = new SearchSpace { [LlmParameters.PromptVariant] = Variants.ToDomain() };
        var fixedParams = new Dictionary<string, object?>(RagGenerationRuns.Bm25Paragraphs);

        ExperimentResult result = await new Experiment(space, objective, new ExperimentOptions { FixedParams = fixedParams }).RunAsync(CancellationToken.None);

        Assert.Equal(2, result.RunResults.Count);
        Assert.All(result.RunResults, r => Assert.True(r.HasUsableScore, r.Error));
        Assert.Equal("terse", result.BestRunResult.Params[LlmParameters.PromptVariant]);
        Assert.Equal(1.0, result.BestRunResult.Score);
        Assert.Equal(0.0, result.RunResults.Single(r => (string)r.Params[LlmParameters.PromptVariant]! == "chatty").Score);
        Assert.Equal(4, chat.Requests.Count(r => r.Prompt.StartsWith("Let us chat about this.\n[1] ", StringComparison.Ordinal)));
        Assert.Equal(4, chat.Requests.Count(r => r.Prompt.StartsWith("Answer in a few words from the passages.\n[1] ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "Question: Where is the town hall?\nAnswer: Market Square")]
    [InlineData(2, "Question: Where is the town hall?\nAnswer: Market Square\n\nQuestion: When does the pool open?\nAnswer: 7 am")]
    public async Task EvaluateAsync_FewShotCount_ExamplesHoldTheFirstExamplesSkippingTheQuestionsOwn(int count, string examples)
    {
        RagDataset dataset = RagGenerationRuns.Example.WithFirstQuestions(1);
        RagQuestion question = dataset.Questions[0];
        using var chat = new ScriptedChatClient((_, _) => question.Answer);
        using var objective = Objective(dataset, chat, new RagObjectiveOptions
        {
            SystemPrompt = null,
            Prompt = new PromptTemplate("{examples}\nQ: {query}"),
            FewShot = Pool(question),
        });

        RunResult run = await RagGenerationRuns.Run(objective, new(RagGenerationRuns.Bm25Paragraphs) { [LlmParameters.FewShotCount] = count });

        Assert.True(run.HasUsableScore, run.Error);
        Assert.Equal($"{examples}\nQ: {question.Question}", Assert.Single(chat.Requests).Prompt);
    }

    [Fact]
    public async Task EvaluateAsync_FewShotPoolWithoutCount_ExamplesIsEmpty()
    {
        RagDataset dataset = RagGenerationRuns.Example.WithFirstQuestions(1);
        using var chat = new ScriptedChatClient((_, _) => "an answer");
        using var objective = Objective(dataset, chat, new RagObjectiveOptions
        {
            SystemPrompt = new PromptTemplate("Examples:{examples}."),
            FewShot = Pool(dataset.Questions[0]),
        });

        RunResult run = await RagGenerationRuns.Run(objective, RagGenerationRuns.Bm25Paragraphs);

        Assert.True(run.HasUsableScore, run.Error);
        Assert.StartsWith("Examples:.\n[1] ", Assert.Single(chat.Requests).Prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "The parameters lack \"prompt_variant\", needed to choose among the prompt variants chatty, terse.")]
    [InlineData("cite", null, "The parameter \"prompt_variant\": \"cite\" is not one of the prompt variants chatty, terse.")]
    [InlineData("terse", 3, "The few-shot pool has 2 usable examples, fewer than the 3 asked for.")]
    [InlineData("terse", -1, "The parameter \"few_shot_count\": -1 is not a whole number of 0 or more.")]
    public async Task EvaluateAsync_UnusablePromptChoice_FailsTheRunNamingTheProblemBeforeAskingTheModel(string? variant, int? count, string expected)
    {
        RagDataset dataset = RagGenerationRuns.Example.WithFirstQuestions(1);
        using var chat = new ScriptedChatClient((_, _) => "an answer");
        using var objective = Objective(dataset, chat, new RagObjectiveOptions
        {
            Prompts = Variants,
            FewShot = Pool(dataset.Questions[0]),
        });
        var parameters = new Dictionary<string, object?>(RagGenerationRuns.Bm25Paragraphs) { [LlmParameters.PromptVariant] = variant, [LlmParameters.FewShotCount] = count };

        RunResult run = await RagGenerationRuns.Run(objective, parameters);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, chat.Calls);
    }

    [Fact]
    public async Task EvaluateAsync_FewShotCountWithoutAPool_FailsTheRunNamingIt()
    {
        using var chat = new ScriptedChatClient((_, _) => "an answer");
        using var objective = Objective(RagGenerationRuns.Example.WithFirstQuestions(1), chat, new RagObjectiveOptions());

        RunResult run = await RagGenerationRuns.Run(objective, new(RagGenerationRuns.Bm25Paragraphs) { [LlmParameters.FewShotCount] = 1 });

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("The run asks for 1 few-shot examples but the objective has no few-shot pool.", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, chat.Calls);
    }

    [Fact]
    public async Task EvaluateAsync_SinglePrompt_IsTheDefaultVariant()
    {
        using var chat = new ScriptedChatClient((_, _) => "an answer");
        using var objective = Objective(RagGenerationRuns.Example.WithFirstQuestions(1), chat, new RagObjectiveOptions());

        RunResult run = await RagGenerationRuns.Run(objective, new(RagGenerationRuns.Bm25Paragraphs) { [LlmParameters.PromptVariant] = "default" });

        Assert.True(run.HasUsableScore, run.Error);
        Assert.EndsWith("\n\nQuestion: " + RagGenerationRuns.Example.Questions[0].Question, Assert.Single(chat.Requests).Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerationParameters_HoldEveryVariantsPlaceholdersButNotTheQuestionsValues()
    {
        using var chat = new ScriptedChatClient("x");
        using var objective = new RagObjective(RagGenerationRuns.Example, new RagObjectiveOptions
        {
            ChatClient = chat,
            Prompts = new PromptVariants(new Dictionary<string, string> { ["a"] = "{examples}{context}{query}{id} in a {tone} tone", ["b"] = "{query} for {audience}" }),
        });

        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count", "tone", "audience"], objective.GenerationParameters);
    }

    [Fact]
    public void Constructor_PromptAndPrompts_Throws()
    {
        using var chat = new ScriptedChatClient("x");

        var error = Assert.Throws<ArgumentException>(() => new RagObjective(RagGenerationRuns.Example, new RagObjectiveOptions
        {
            ChatClient = chat,
            Prompt = new PromptTemplate("{context}\n{query}"),
            Prompts = Variants,
        }));

        Assert.Contains("Give Prompt (one template) or Prompts (named variants), not both.", error.Message, StringComparison.Ordinal);
    }

    private static RagObjective Objective(RagDataset dataset, ScriptedChatClient chat, RagObjectiveOptions options) =>
        new(dataset, options with { Embeddings = new CountingEmbeddings(), ChatClient = chat });

    // Three examples, the second with the question's own query.
    private static FewShotPool Pool(RagQuestion question) => new(
    [
        new EvaluationItem("e1", "Where is the town hall?") { Reference = "Market Square" },
        new EvaluationItem("e2", question.Question) { Reference = question.Answer },
        new EvaluationItem("e3", "When does the pool open?") { Reference = "7 am" },
    ]);

    private static string AnswerOf(RagDataset dataset, string prompt) =>
        dataset.Questions.First(q => prompt.EndsWith("Q: " + q.Question, StringComparison.Ordinal)).Answer;
}
