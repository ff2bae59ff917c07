using System.Collections;
using System.Globalization;
using Nomadic.AI.Rag;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Commands;

[Collection(ProcessTests.Name)]
public sealed class RunCommandRagTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_RagExampleWithFewSamples_WritesRunsWithRetrievalMetadata()
    {
        string folder = _temp.CopyFrom(Repository.Example("rag"), "rag", Repository.IsExampleSource);
        string file = Path.Combine(folder, "experiment.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("num_samples: 30", "num_samples: 4", StringComparison.Ordinal));

        // The real binary, as the README runs it: the local embedding model loads in its own process.
        using CliProcess process = CliProcess.Start(folder, "run", file);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.Contains("rag ndcg@5 over 42 documents, 92 questions", outcome.Stdout, StringComparison.Ordinal);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(folder, "out", "results.json"));
        Assert.Equal(4, result.Count);
        RunResult baseline = result.RunResults[result.BaselineIndex];
        Assert.Equal("bm25", baseline.Params["retriever"]);
        Assert.All(result.RunResults, r => Assert.True(r.HasUsableScore, r.Error));
        Assert.Equal(92, ((System.Collections.IList)baseline.Metadata["item_scores"]!).Count);
        Assert.True(File.Exists(Path.Combine(folder, "out", "results.csv")));
    }

    [Theory]
    [InlineData("answer", "rag answer token_f1 over 42 documents, 92 questions")]
    [InlineData("retrieval", "rag ndcg@5 over 42 documents, 92 questions")]
    public async Task Run_RagExampleWithGenerationAndTwoPrompts_AnswersEveryQuestionAndTheGroundedPromptWins(string score, string objectiveName)
    {
        string folder = _temp.CopyFrom(Repository.Example("rag"), "rag", Repository.IsExampleSource);
        string file = Path.Combine(folder, "experiment.yaml");
        RagDataset dataset = RagDataset.Load(Path.Combine(folder, "corpus"), Path.Combine(folder, "questions.jsonl"));
        using var server = new LoopbackModelServer(request => Answer(dataset, request));
        string generation = $$"""
                generation:
                  endpoint: {{server.Endpoint}}
                  model: llama3.2
                  max_tokens_field: max_tokens
                  prompts:
                    grounded: "Passages:\n{context}\n\nQuestion: {query}\nAnswer in a {style} way."
                    closed_book: "Answer from memory.\nQuestion: {query}\nAnswer in a {style} way."
                  max_concurrent_items: 4
                  score: {{score}}

            search_space:
            """;
        string text = File.ReadAllText(file);
        Assert.Contains("num_samples: 30", text, StringComparison.Ordinal);
        Assert.Contains("\n\nsearch_space:", text, StringComparison.Ordinal);
        Assert.Contains("\n  rerank: [none, semantic, mmr]\n", text, StringComparison.Ordinal);
        Assert.Contains("rerank: none}", text, StringComparison.Ordinal);
        text = text.Replace("num_samples: 30", "num_samples: 3", StringComparison.Ordinal)
            .Replace("\n\nsearch_space:", "\n" + generation, StringComparison.Ordinal)
            .Replace("\n  rerank: [none, semantic, mmr]\n", "\n  rerank: [none, semantic, mmr]\n  prompt_variant: [grounded, closed_book]\n", StringComparison.Ordinal)
            .Replace("rerank: none}", "rerank: none, prompt_variant: closed_book}", StringComparison.Ordinal);
        // The grounded prompt is sure to run once, whatever the tuner proposes.
        File.WriteAllText(file, text + "fixed_params: {max_tokens: 32, style: short}\n"
            + "enqueue: [{chunking: paragraph, retriever: bm25, top_k: 5, rerank: none, prompt_variant: grounded}]\n");

        using CliProcess process = CliProcess.Start(folder, "run", file);
        CliOutcome outcome = await process.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.Contains($"{objectiveName}, answers by llama3.2 at {server.Endpoint}", outcome.Stdout, StringComparison.Ordinal);
        ExperimentResult result = ExperimentResult.Load(Path.Combine(folder, "out", "results.json"));
        Assert.Equal(3, result.Count);
        Assert.All(result.RunResults, run =>
        {
            Assert.True(run.HasUsableScore, run.Error);
            Assert.Equal(92, Number(run.Metadata["llm_calls"]));
            Assert.True(Number(run.Metadata["input_tokens"]) > 0);
            Assert.True(Number(run.Metadata["output_tokens"]) > 0);
            Assert.True(Number(run.Metadata["latency_ms"]) >= 0);
            Assert.Equal(3, ((IList)run.Metadata["example_outputs"]!).Count);
            List<double> answers = Numbers(run.Metadata["item_answer_scores"]);
            Assert.Equal(92, answers.Count);
            Assert.Equal(answers.Average(), Number(run.Metadata["answer_score"]), 9);
            List<double> items = Numbers(run.Metadata["item_scores"]);
            if (score == "answer")
            {
                Assert.Equal(answers, items);
                Assert.Equal(Number(run.Metadata["answer_score"]), run.Score, 9);
                Assert.Equal(Number(run.Metadata["ndcg"]), Numbers(run.Metadata["item_retrieval_scores"]).Average(), 9);
            }
            else
            {
                Assert.Equal(Number(run.Metadata["ndcg"]), run.Score, 9);
                Assert.Equal(run.Score, items.Average(), 9);
            }
        });
        // The server answers from passages only: the closed-book prompt (the baseline's) scores next to nothing, the grounded one wins.
        Assert.Equal("closed_book", result.RunResults[result.BaselineIndex].Params["prompt_variant"]);
        Assert.True(Number(result.RunResults[result.BaselineIndex].Metadata["answer_score"]) < 0.05);
        RunResult bestAnswers = result.RunResults.MaxBy(run => Number(run.Metadata["answer_score"]))!;
        Assert.Equal("grounded", bestAnswers.Params["prompt_variant"]);
        Assert.True(Number(bestAnswers.Metadata["answer_score"]) > 0.5);
        if (score == "answer")
        {
            Assert.Same(bestAnswers, result.BestRunResult);
        }

        // One refused request was retried; every request asked for the model with the fixed limit and its run's prompt, filled.
        IReadOnlyList<ModelRequest> requests = server.Requests;
        Assert.Equal((3 * 92) + 1, requests.Count);
        int grounded = result.RunResults.Count(run => (string)run.Params["prompt_variant"]! == "grounded");
        Assert.InRange(requests.Count(r => r.Prompt.StartsWith("Passages:\n[1] ", StringComparison.Ordinal)), grounded * 92, (grounded * 92) + 1);
        Assert.InRange(requests.Count(r => r.Prompt.StartsWith("Answer from memory.\nQuestion: ", StringComparison.Ordinal)), (3 - grounded) * 92, ((3 - grounded) * 92) + 1);
        Assert.All(requests, r =>
        {
            Assert.Equal("llama3.2", r.Model);
            Assert.Equal("max_tokens", r.MaxTokensField);
            Assert.Equal(32, r.MaxTokens);
            Assert.Equal(RagObjectiveOptions.DefaultSystemPrompt.Text, r.System);
            Assert.EndsWith("\nAnswer in a short way.", r.Prompt, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("metric: ndcg@5", "metric: precision@5", "unknown metric \"precision@5\"")]
    [InlineData("corpus: corpus/", "corpus: missing/", "the rag corpus folder")]
    [InlineData("questions: questions.jsonl", "questions: nope.jsonl", "the rag questions file")]
    [InlineData("  top_k: [3, 5, 8]", "  top_kk: [3, 5, 8]", "parameter \"top_kk\" is not one the rag pipeline knows; did you mean \"top_k\"?")]
    [InlineData("retriever: bm25, top_k: 3", "retriever: dense, top_k: 3", "\"current_params\": Retrieval parameter \"retriever\": \"dense\" is not one of bm25, embedding, hybrid")]
    public async Task Run_BadRagObjective_OneLineError(string original, string replacement, string message)
    {
        string folder = _temp.CopyFrom(Repository.Example("rag"), "rag", Repository.IsExampleSource);
        string file = Path.Combine(folder, "experiment.yaml");
        string text = File.ReadAllText(file);
        Assert.Contains(original, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(original, replacement, StringComparison.Ordinal));

        CliOutcome outcome = await CliRunner.RunAsync("run", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr, StringComparison.Ordinal);
        Assert.Single(outcome.Stderr.Trim().Split('\n'));
    }

    // The model of the loopback server: it quotes the reference answer when a passage of the prompt holds it.
    private static string Answer(RagDataset dataset, ModelRequest request)
    {
        string[] parts = request.Prompt.Split("Question: ", 2);
        RagQuestion asked = dataset.Questions.Single(q => q.Question == parts[1].Split("\nAnswer in a ", 2)[0]);
        return parts[0].Contains(asked.Answer, StringComparison.OrdinalIgnoreCase) ? asked.Answer : "I do not know.";
    }

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static List<double> Numbers(object? list) => [.. ((IList)list!).Cast<object?>().Select(Number)];
}
