using System.Collections;
using System.Globalization;
using Nomadic.AI.Datasets;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Commands;

[Collection(ProcessTests.Name)]
public sealed class RunCommandLlmTests : IDisposable
{
    private const string ExampleEndpoint = "http://localhost:11434/v1";
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_LlmExampleAgainstAnOpenAiCompatibleServer_FindsTheBetterPromptAndKeepsUsage()
    {
        string folder = _temp.CopyFrom(Repository.Example("llm"), "llm", Repository.IsExampleSource);
        string file = Path.Combine(folder, "experiment.yaml");
        EvaluationDataset dataset = EvaluationDataset.Load(Path.Combine(folder, "questions.jsonl"));
        using var server = new LoopbackModelServer(request => Answer(dataset, request));
        Rewrite(file, (ExampleEndpoint, server.Endpoint), ("num_samples: 12", "num_samples: 4"));
        // The quoting prompt is sure to run once, whatever the tuner proposes.
        File.AppendAllText(file, "enqueue: [{prompt_variant: quote, temperature: 0.25, max_tokens: 16}]\n");

        using CliProcess process = CliProcess.Start(folder, "run", file);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.Contains($"llm token_f1 over 14 items, model llama3.2 at {server.Endpoint}", outcome.Stdout, StringComparison.Ordinal);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(folder, "out", "results.json"));
        Assert.Equal(4, result.Count);
        Assert.All(result.RunResults, run =>
        {
            Assert.True(run.HasUsableScore, run.Error);
            Assert.Equal(14, ((IList)run.Metadata["item_scores"]!).Count);
            Assert.Equal(14, Number(run.Metadata["llm_calls"]));
            Assert.True(Number(run.Metadata["input_tokens"]) > 0);
            Assert.True(Number(run.Metadata["output_tokens"]) > 0);
            Assert.True(Number(run.Metadata["latency_ms"]) >= 0);
            Assert.Equal(3, ((IList)run.Metadata["example_outputs"]!).Count);
        });
        Assert.Equal("quote", result.BestRunResult.Params["prompt_variant"]);
        Assert.Equal(1.0, result.BestRunResult.Score, 6);
        Assert.Equal("grounded", result.RunResults[result.BaselineIndex].Params["prompt_variant"]);

        // The first request was refused with 429 and retried; every request asked for the model at its run's temperature.
        Assert.Equal(1, server.RateLimited);
        IReadOnlyList<ModelRequest> requests = server.Requests;
        Assert.Equal((4 * 14) + 1, requests.Count);
        Assert.All(requests, r => Assert.Equal("llama3.2", r.Model));
        Assert.All(requests, r => Assert.Equal("max_tokens", r.MaxTokensField)); // the example's max_tokens_field, for Ollama
        foreach (RunResult run in result.RunResults)
        {
            List<ModelRequest> mine = requests.Where(r => SameTemperature(r, run)).ToList();
            Assert.True(mine.Count >= 14, $"{mine.Count} requests at temperature {run.Params["temperature"]}");
            Assert.All(mine, r => Assert.Equal((int)Number(run.Params["max_tokens"]), r.MaxTokens));
        }

        Assert.All(requests, r => Assert.Contains(result.RunResults, run => SameTemperature(r, run)));
    }

    [Fact]
    public async Task Run_LlmEndpointWhereNothingListens_StopsBeforeTheFirstRunNamingTheEndpoint()
    {
        string folder = _temp.CopyFrom(Repository.Example("llm"), "llm", Repository.IsExampleSource);
        string file = Path.Combine(folder, "experiment.yaml");
        string endpoint = $"http://127.0.0.1:{LoopbackModelServer.FreePort()}/v1";
        Rewrite(file, (ExampleEndpoint, endpoint), ("num_samples: 12", "num_samples: 2"));

        using CliProcess process = CliProcess.Start(folder, "run", file);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromMinutes(1));

        outcome.AssertOneErrorLine(ExitCodes.Usage, "experiment.yaml: ", $"the model endpoint {endpoint} cannot be reached: ");
        Assert.DoesNotContain("   at ", outcome.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "nomadic.db")), "the experiment was stored");
        Assert.False(Directory.Exists(Path.Combine(folder, "out")), "results were written");
    }

    // The model of the loopback server: a prompt that asks to quote the context gets the reference answer back, one
    // that gives the context a wordy answer around it, and one without the context nothing useful.
    private static string Answer(EvaluationDataset dataset, ModelRequest request)
    {
        EvaluationItem item = dataset.Items.Single(i => request.Prompt.Contains(i.Query, StringComparison.Ordinal));
        if (request.Prompt.Contains("Quote the context", StringComparison.Ordinal))
        {
            return item.Reference!;
        }

        return request.Prompt.Contains(item.Contexts[0], StringComparison.Ordinal)
            ? $"According to the context, the answer to your question is {item.Reference}."
            : "I do not know.";
    }

    // The request carries the temperature as a float.
    private static bool SameTemperature(ModelRequest request, RunResult run) =>
        request.Temperature is double t && Math.Abs(t - Number(run.Params["temperature"])) < 1e-6;

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static void Rewrite(string file, params (string Original, string Replacement)[] replacements)
    {
        string text = File.ReadAllText(file);
        foreach ((string original, string replacement) in replacements)
        {
            Assert.Contains(original, text, StringComparison.Ordinal);
            text = text.Replace(original, replacement, StringComparison.Ordinal);
        }

        File.WriteAllText(file, text);
    }
}
