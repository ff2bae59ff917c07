using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Prompts;
using Nomadic.Experiments;
using Nomadic.Pruning;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests;

public class LlmObjectiveTests
{
    private static readonly Dictionary<string, string> Capitals = new()
    {
        ["France"] = "Paris",
        ["Italy"] = "Rome",
        ["Spain"] = "Madrid",
        ["Japan"] = "Tokyo",
        ["Peru"] = "Lima",
    };

    private static readonly EvaluationDataset Dataset = new(
        Capitals.Select((c, i) => new EvaluationItem($"c{i + 1}", $"What is the capital of {c.Key}?") { Reference = c.Value }), "capitals");

    private static readonly PromptVariants Prompts = new(new Dictionary<string, string>
    {
        ["terse"] = "Answer with the city only. {query}",
        ["chatty"] = "Let's chat about this: {query}",
    });

    [Fact]
    public async Task Experiment_TwoPromptVariants_BetterOneWinsWithItemScoresAndUsage()
    {
        var client = new ScriptedChatClient(AnswerByPrompt);
        var objective = new LlmObjective(new LlmObjectiveOptions { Dataset = Dataset, Client = client, Evaluator = new TokenF1Evaluator(), Prompts = Prompts });
        var space = new SearchSpace { [LlmParameters.PromptVariant] = Prompts.ToDomain(), [LlmParameters.Temperature] = Tune.Choice(0.0, 0.7) };

        ExperimentResult result = await new Experiment(space, objective, new ExperimentOptions
        {
            Objectives = [new ObjectiveMetric("total_tokens", Direction.Minimize)],
        }).RunAsync(CancellationToken.None);

        Assert.Equal(4, result.RunResults.Count);
        Assert.All(result.RunResults, r => Assert.Equal(RunStatus.Completed, r.Status));
        RunResult best = result.BestRunResult;
        Assert.Equal("terse", best.Params[LlmParameters.PromptVariant]);
        Assert.Equal(1.0, best.Score);
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 1.0], (List<double>)best.Metadata[LlmObjective.ItemScoresKey]!);
        RunResult chatty = result.RunResults.First(r => (string)r.Params[LlmParameters.PromptVariant]! == "chatty");
        Assert.Equal(5, ((List<double>)chatty.Metadata[LlmObjective.ItemScoresKey]!).Count);
        Assert.True(chatty.Score < 0.5);
        Assert.Equal(5, best.Metadata["llm_calls"]);
        Assert.True((long)best.Metadata["total_tokens"]! > 0);
        Assert.True(best.Metadata.ContainsKey("latency_ms"));
        var examples = (List<Dictionary<string, object?>>)best.Metadata[LlmObjective.ExampleOutputsKey]!;
        Assert.Equal(3, examples.Count);
        Assert.Equal("Paris", examples[0]["output"]);
        Assert.NotEmpty(result.ParetoFront());
        Assert.Contains(client.Requests, r => r.Options!.Temperature == 0.7f);
    }

    [Fact]
    public async Task EvaluateAsync_ParametersReachChatOptionsAndPrompt()
    {
        var client = new ScriptedChatClient(AnswerByPrompt);
        var objective = new LlmObjective(new LlmObjectiveOptions
        {
            Dataset = new EvaluationDataset([Dataset.Items[0]]),
            Client = client,
            Evaluator = new ExactMatchEvaluator(),
            Prompts = PromptVariants.Of("Answer with the city only, in a {tone} tone. {query}"),
            SystemPrompt = new PromptTemplate("You are a geography expert."),
            Prices = new Nomadic.AI.Models.TokenPrices(1_000_000, 0),
        });

        RunResult run = await Run(objective, new() { ["model"] = "gpt-test", ["temperature"] = 0.2, ["max_tokens"] = 64, ["top_p"] = 0.9, ["tone"] = "dry" });

        (string prompt, ChatOptions? options) = Assert.Single(client.Requests);
        Assert.Equal("You are a geography expert.\nAnswer with the city only, in a dry tone. What is the capital of France?", prompt);
        Assert.Equal("gpt-test", options!.ModelId);
        Assert.Equal(0.2f, options.Temperature);
        Assert.Equal(64, options.MaxOutputTokens);
        Assert.Equal(0.9f, options.TopP);
        Assert.Equal(1.0, run.Score);
        Assert.Equal((double)(long)run.Metadata["input_tokens"]!, (double)run.Metadata["cost"]!, 9);
    }

    [Fact]
    public async Task EvaluateAsync_FewShotCount_PutsThatManyExamplesFromThePool()
    {
        var client = new ScriptedChatClient(AnswerByPrompt);
        var pool = new FewShotPool([new EvaluationItem("p1", "Capital of Chile?") { Reference = "Santiago" }, new EvaluationItem("p2", "Capital of Kenya?") { Reference = "Nairobi" }]);
        var objective = new LlmObjective(new LlmObjectiveOptions
        {
            Dataset = new EvaluationDataset([Dataset.Items[1]]),
            Client = client,
            Evaluator = new ExactMatchEvaluator(),
            Prompts = PromptVariants.Of("Answer with the city only.\n{examples}\nQuestion: {query}"),
            FewShot = pool,
        });

        await Run(objective, new() { [LlmParameters.FewShotCount] = 1 });
        await Run(objective, new() { [LlmParameters.FewShotCount] = 0 });

        string[] prompts = [.. client.Requests.Select(r => r.Prompt)];
        Assert.Equal("Answer with the city only.\nQuestion: Capital of Chile?\nAnswer: Santiago\nQuestion: What is the capital of Italy?", prompts[0]);
        Assert.Equal("Answer with the city only.\n\nQuestion: What is the capital of Italy?", prompts[1]);
    }

    [Fact]
    public async Task EvaluateAsync_ContextProvider_FillsContext()
    {
        var client = new ScriptedChatClient((prompt, _) => prompt.Contains("RETRIEVED", StringComparison.Ordinal) ? "Paris" : "unknown");
        var objective = new LlmObjective(new LlmObjectiveOptions
        {
            Dataset = new EvaluationDataset([Dataset.Items[0]]),
            Client = client,
            Evaluator = new ExactMatchEvaluator(),
            Prompts = PromptVariants.Of("{context}\n{query}"),
            Context = (item, parameters, _) => ValueTask.FromResult<IReadOnlyList<string>>([$"RETRIEVED top {parameters["top_k"]}", "second"]),
        });

        RunResult run = await Run(objective, new() { ["top_k"] = 2 });

        Assert.Equal(1.0, run.Score);
        Assert.StartsWith("RETRIEVED top 2\n\nsecond\n", Assert.Single(client.Requests).Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Experiment_UnknownPlaceholder_FailsRunsWithTheName()
    {
        var objective = new LlmObjective(new LlmObjectiveOptions
        {
            Dataset = Dataset,
            Client = new ScriptedChatClient(AnswerByPrompt),
            Evaluator = new ExactMatchEvaluator(),
            Prompts = PromptVariants.Of("{qestion}"),
        });

        ExperimentResult result = await new Experiment(new SearchSpace { ["temperature"] = Tune.Choice(0.0) }, objective).RunAsync(CancellationToken.None);

        RunResult run = Assert.Single(result.RunResults);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("{qestion}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_JudgeFails_FailsTheRunNamingTheEvaluatorAndItem()
    {
        var judge = new ScriptedChatClient(AnswerByPrompt).FailFirst(new HttpRequestException("Connection refused (judge:8000)"));
        var objective = new LlmObjective(new LlmObjectiveOptions
        {
            Dataset = new EvaluationDataset([Dataset.Items[0]]),
            Client = new ScriptedChatClient(AnswerByPrompt),
            Evaluator = new LlmJudgeEvaluator(judge, new JudgeRubric(new Dictionary<string, double> { ["accuracy"] = 1 })),
            Prompts = PromptVariants.Of("{query}"),
        });

        RunResult run = await Run(objective, []);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("The evaluator llm_judge failed on item \"c1\": Connection refused (judge:8000)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_SeveralVariantsWithoutParameter_FailsNamingIt()
    {
        var objective = new LlmObjective(new LlmObjectiveOptions { Dataset = Dataset, Client = new ScriptedChatClient(AnswerByPrompt), Evaluator = new ExactMatchEvaluator(), Prompts = Prompts });

        RunResult run = await Run(objective, []);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("prompt_variant", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Experiment_ReportEveryWithPruner_ReportsRunningMeanAndPrunesPoorRun()
    {
        var objective = new LlmObjective(new LlmObjectiveOptions
        {
            Dataset = Dataset,
            Client = new ScriptedChatClient(AnswerByPrompt),
            Evaluator = new ExactMatchEvaluator(),
            Prompts = Prompts,
            ReportEvery = 2,
            MaxConcurrentItems = 1,
        });
        var space = new SearchSpace { [LlmParameters.PromptVariant] = Tune.GridSearch("terse", "chatty") };

        ExperimentResult result = await new Experiment(space, objective, new ExperimentOptions
        {
            Pruner = new MedianPruner(new MedianPrunerOptions { StartupTrials = 1, WarmupSteps = 0 }),
        }).RunAsync(CancellationToken.None);

        Assert.Equal([2, 4], result.RunResults[0].IntermediateValues.Select(v => v.Step));
        Assert.Equal(RunStatus.Completed, result.RunResults[0].Status);
        Assert.Equal(RunStatus.Pruned, result.RunResults[1].Status);
    }

    // One run of the objective inside a real experiment, the parameters given as fixed ones.
    private static async Task<RunResult> Run(LlmObjective objective, Dictionary<string, object?> parameters)
    {
        var experiment = new Experiment(new SearchSpace { ["repeat"] = Tune.Choice(0) }, objective, new ExperimentOptions { FixedParams = parameters });
        ExperimentResult result = await experiment.RunAsync(CancellationToken.None);
        return Assert.Single(result.RunResults);
    }

    // The terse prompt gets the right city, the chatty one a rambling answer.
    private static string AnswerByPrompt(string prompt, ChatOptions? options)
    {
        string country = Capitals.Keys.Last(c => prompt.Contains(c, StringComparison.Ordinal));
        return prompt.Contains("city only", StringComparison.Ordinal) ? Capitals[country] : $"Many people think about {country} and its history, but who knows";
    }
}
