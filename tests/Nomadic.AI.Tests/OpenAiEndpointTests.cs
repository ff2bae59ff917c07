using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;
using Nomadic.AI.Prompts;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests;

/// <summary>Against a real OpenAI-compatible endpoint; skipped unless <see cref="OpenAiEndpointFactAttribute"/>'s variables are set.</summary>
public class OpenAiEndpointTests
{
    [OpenAiEndpointFact]
    public async Task RealEndpoint_ExperimentOverTemperature_CompletesWithUsage()
    {
        var endpoint = new ChatEndpointOptions(
            new Uri(Environment.GetEnvironmentVariable(OpenAiEndpointFactAttribute.EndpointVariable)!),
            Environment.GetEnvironmentVariable(OpenAiEndpointFactAttribute.ModelVariable)!)
        {
            ApiKeyVariable = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OpenAiEndpointFactAttribute.KeyVariable)) ? null : OpenAiEndpointFactAttribute.KeyVariable,
        };
        using IChatClient client = ChatClients.Create(endpoint).AsBuilder().UseRetries().Build();
        var objective = new LlmObjective(new LlmObjectiveOptions
        {
            Dataset = new EvaluationDataset(
            [
                new EvaluationItem("1", "What is the capital of France?") { Reference = "Paris" },
                new EvaluationItem("2", "What is 2 + 3? Reply with the number only.") { Reference = "5" },
            ]),
            Client = client,
            Evaluator = new TokenF1Evaluator(),
            Prompts = PromptVariants.Of("Answer in as few words as possible, without punctuation.\n{query}"),
        });

        ExperimentResult result = await new Experiment(
            new SearchSpace { [LlmParameters.Temperature] = Tune.Choice(0.0), [LlmParameters.MaxTokens] = Tune.Choice(16) }, objective)
            .RunAsync(CancellationToken.None);

        RunResult run = Assert.Single(result.RunResults);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(2, ((List<double>)run.Metadata[LlmObjective.ItemScoresKey]!).Count);
        Assert.True((long)run.Metadata[ChatUsage.TotalTokensKey]! > 0, "the endpoint reported no token usage");
        Assert.True(run.Score > 0, $"the model answered badly: {run}");
    }
}
