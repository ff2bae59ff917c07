using Nomadic.AI.Rag;
using Nomadic.AI.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests.Rag;

public sealed class RagObjectiveTests(MiniLmFixture model) : IClassFixture<MiniLmFixture>
{
    private static readonly RagDataset Example = RagDataset.Load(
        Path.Combine(Repository.Example("rag"), "corpus"), Path.Combine(Repository.Example("rag"), "questions.jsonl"));

    [Fact]
    public async Task EvaluateAsync_SameChunkingTwice_EmbedsTheCorpusOnce()
    {
        var embeddings = new CountingEmbeddings();
        using var objective = new RagObjective(Example.WithFirstQuestions(5), new RagObjectiveOptions { Embeddings = embeddings });
        var space = new SearchSpace { ["top_k"] = Tune.GridSearch(3, 5), ["retriever"] = Tune.GridSearch("embedding", "hybrid") };
        var options = new ExperimentOptions { FixedParams = new Dictionary<string, object?> { ["chunking"] = "fixed", ["chunk_size"] = 50 }, MaxConcurrentTrials = 2 };

        ExperimentResult result = await new Experiment(space, objective, options).RunAsync(CancellationToken.None);

        Assert.Equal(4, result.Count);
        Assert.All(result.RunResults, r => Assert.True(r.HasUsableScore, r.Error));
        int chunks = Assert.IsType<int>(result.RunResults[0].Metadata["chunks"]);
        Assert.Equal([chunks], embeddings.Calls.Where(n => n > 1));
        Assert.Equal(1, objective.IndexCount);
    }

    [Fact]
    public async Task EvaluateAsync_ReturnsMeansItemScoresAndTimings()
    {
        using var objective = new RagObjective(Example.WithFirstQuestions(6), new RagObjectiveOptions { Metric = RagMetric.Parse("mrr@3"), Embeddings = new CountingEmbeddings() });
        var space = new SearchSpace { ["chunking"] = Tune.Choice("paragraph") };

        ExperimentResult result = await new Experiment(space, objective, new ExperimentOptions { NumSamples = 1 }).RunAsync(CancellationToken.None);

        RunResult run = result.RunResults.Single();
        List<double> items = Assert.IsType<List<double>>(run.Metadata["item_scores"]);
        Assert.Equal(6, items.Count);
        Assert.Equal(items.Average(), run.Score, 12);
        Assert.Equal(run.Score, (double)run.Metadata["mrr"]!, 12);
        Assert.Equal(3, run.Metadata["metric_k"]);
        Assert.Equal("mrr@3", run.Metadata["metric"]);
        Assert.All(new[] { "hit_rate", "ndcg", "recall", "index_build_ms", "query_ms" }, key => Assert.IsType<double>(run.Metadata[key]));
        Assert.Equal(6, run.Metadata["questions"]);
    }

    [Fact]
    public async Task EvaluateAsync_WithAChatClient_AnswersFromTheRetrievedContextAndScoresTheAnswers()
    {
        RagDataset questions = Example.WithFirstQuestions(4);
        string[] answers = [.. questions.Questions.Select(q => q.Answer)];
        using var chat = new ScriptedChatClient((prompt, _) =>
            questions.Questions.FirstOrDefault(q => prompt.Contains(q.Question, StringComparison.Ordinal))?.Answer ?? "unknown");
        using var objective = new RagObjective(questions, new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat });
        var space = new SearchSpace { ["chunking"] = Tune.Choice("paragraph"), ["retriever"] = Tune.Choice("bm25") };

        ExperimentResult result = await new Experiment(space, objective, new ExperimentOptions { NumSamples = 1 }).RunAsync(CancellationToken.None);

        RunResult run = result.RunResults.Single();
        Assert.True(run.HasUsableScore, run.Error);
        Assert.Equal(4, chat.Calls);
        Assert.All(chat.Requests, r => Assert.False(string.IsNullOrWhiteSpace(r.Prompt)));
        Assert.Equal(1.0, (double)run.Metadata["answer_score"]!, 12);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], Assert.IsType<List<double>>(run.Metadata["item_answer_scores"]));
    }

    [Fact]
    public async Task Experiment_OverTheShippedExample_TunedConfigurationBeatsTheBaseline()
    {
        using var objective = new RagObjective(Example.WithFirstQuestions(30), new RagObjectiveOptions { Metric = RagMetric.Parse("ndcg@5"), Embeddings = model.Generator });
        var space = new SearchSpace
        {
            ["chunking"] = Tune.GridSearch("fixed", "paragraph"),
            ["retriever"] = Tune.GridSearch("bm25", "hybrid"),
        };
        var options = new ExperimentOptions
        {
            FixedParams = new Dictionary<string, object?> { ["top_k"] = 5 },
            CurrentParams = new Dictionary<string, object?> { ["chunking"] = "fixed", ["retriever"] = "bm25" },
        };

        ExperimentResult result = await new Experiment(space, objective, options).RunAsync(CancellationToken.None);

        RunResult baseline = result.RunResults[result.BaselineIndex];
        Assert.Equal("hybrid", result.BestRunResult.Params["retriever"]);
        Assert.True(result.BestRunResult.Score > baseline.Score + 0.03, $"best {result.BestRunResult.Score}, baseline {baseline.Score}");
    }

    [Fact]
    public async Task EvaluateAsync_UnknownParameter_FailsTheRun()
    {
        using var objective = new RagObjective(Example.WithFirstQuestions(1), new RagObjectiveOptions { Embeddings = new CountingEmbeddings() });

        ExperimentResult result = await new Experiment(new SearchSpace { ["chunk_sise"] = Tune.Choice(10) }, objective, new ExperimentOptions { NumSamples = 1 }).RunAsync(CancellationToken.None);

        Assert.Equal(RunStatus.Failed, result.RunResults.Single().Status);
        Assert.Contains("chunk_sise", result.RunResults.Single().Error, StringComparison.Ordinal);
    }
}
