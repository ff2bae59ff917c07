using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Objectives;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Objectives;

public sealed class EndpointProbeTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public EndpointProbeTests() =>
        _temp.Write("qa.jsonl", """{"id": "a", "query": "Which day is East collected?", "reference": "Tuesday", "contexts": ["East on Tuesday."]}""" + "\n");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EnsureReachable_EndpointThatOnlyAnswersRateLimits_PassesWithoutSendingARequest()
    {
        using var server = new LoopbackModelServer(_ => "unused", rateLimitedRequests: int.MaxValue);

        await EndpointProbe.EnsureReachableAsync(Plan(server.Endpoint, judge: null), CancellationToken.None);

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task EnsureReachable_JudgeEndpointWhereNothingListens_NamesTheJudgesEndpoint()
    {
        using var server = new LoopbackModelServer(_ => "unused");
        string judge = $"http://127.0.0.1:{LoopbackModelServer.FreePort()}/v1";

        var error = await Assert.ThrowsAsync<InputException>(() => EndpointProbe.EnsureReachableAsync(Plan(server.Endpoint, judge), CancellationToken.None));

        Assert.Contains($"the model endpoint {judge} cannot be reached: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task EnsureReachable_BuiltinObjective_ConnectsNowhere()
    {
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(ExperimentFiles.Builtin(_temp)), null);

        await EndpointProbe.EnsureReachableAsync(plan, CancellationToken.None);

        Assert.Equal("builtin x2", plan.ObjectiveName);
    }

    private ExperimentPlan Plan(string endpoint, string? judge)
    {
        string evaluator = judge is null ? "" : $"\n    evaluator: {{judge: {{criteria: {{accuracy: 1.0}}, model: big, endpoint: \"{judge}\"}}}}";
        string yaml = $"""
            objective:
              llm:
                endpoint: "{endpoint}"
                model: tiny
                dataset: qa.jsonl
                prompts:
                  terse: "Answer in a few words: {"{query}"}"{evaluator}
            search_space:
              prompt_variant: [terse]
              temperature: [0.0, 0.5]
            """;
        return ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)), null);
    }
}
