using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Cli.Tests.Configuration.ObjectiveSpecs;

// The file check and the run read a model parameter by the same rule: a value the file check accepts, the run accepts,
// and one it rejects fails the run with the same words.
public sealed class LlmParameterCheckTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly LoopbackModelServer _server = new(_ => "Tuesday", rateLimitedRequests: 0);

    public LlmParameterCheckTests() => _temp.Write("qa.jsonl", """
        {"id": "a", "query": "Which day is East collected?", "reference": "Tuesday"}
        {"id": "b", "query": "Which day is West collected?", "reference": "Tuesday"}
        """);

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("temperature", "0.7", null)]
    [InlineData("temperature", "\"0.7\"", "\"0.7\" is not a number of 0 or more")]
    [InlineData("temperature", "-0.5", "-0.5 is not a number of 0 or more")]
    [InlineData("temperature", "true", "true is not a number of 0 or more")]
    [InlineData("top_p", "1", null)]
    [InlineData("top_p", "1.5", "1.5 is not a number between 0 and 1")]
    [InlineData("max_tokens", "1", null)]
    [InlineData("max_tokens", "0", "0 is not a whole number of 1 or more")]
    [InlineData("max_tokens", "\"64\"", "\"64\" is not a whole number of 1 or more")]
    [InlineData("max_tokens", "2.5", "2.5 is not a whole number of 1 or more")]
    [InlineData("model", "tiny-2", null)]
    [InlineData("model", "7", "7 is not a model name")]
    public async Task Check_FixedValue_FileCheckAndRunAgree(string name, string yamlValue, string? problem)
    {
        ExperimentFile file = ExperimentFileReader.Read(_temp.Write("experiment.yaml", Yaml($"fixed_params: {{{name}: {yamlValue}}}")));
        object? value = file.FixedParams![name];

        InputException? fileError = Record.Exception(() => ExperimentFileValidator.Validate(file, null)) as InputException;
        RunResult run = await RunAsync(name, value);

        if (problem is null)
        {
            Assert.Null(fileError);
            Assert.True(run.Status == RunStatus.Completed, run.Error);
        }
        else
        {
            Assert.Contains($"\"fixed_params.{name}\": {problem}", fileError?.Message, StringComparison.Ordinal);
            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Contains($"The parameter \"{name}\": {problem}.", run.Error, StringComparison.Ordinal);
        }
    }

    // The run of a valid file, with one more fixed parameter.
    private async Task<RunResult> RunAsync(string name, object? value)
    {
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("valid.yaml", Yaml(""))), null);
        var options = new ExperimentOptions { NumSamples = 1, FixedParams = new Dictionary<string, object?> { [name] = value } };
        ExperimentResult result = await new Experiment(new SearchSpace { ["style"] = Tune.Choice("plain") }, plan.Objective, options).RunAsync(CancellationToken.None);
        (plan.Objective as IDisposable)?.Dispose();
        return Assert.Single(result.RunResults);
    }

    private string Yaml(string extra) => $$"""
        objective:
          llm:
            endpoint: {{_server.Endpoint}}
            model: tiny
            dataset: qa.jsonl
            prompt: "Answer in a {style} way: {query}"
        search_space:
          style: [plain]
        {{extra}}
        num_samples: 1
        """;
}
