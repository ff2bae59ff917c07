using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;
using Nomadic.AI.Prompts;
using Nomadic.AI.Rag;
using Nomadic.AI.Tests.Support;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.AI.Tests.Rag;

public sealed class RagGenerationTests
{
    private static readonly RagDataset Example = RagGenerationRuns.Example;

    private static readonly Dictionary<string, object?> Bm25Paragraphs = RagGenerationRuns.Bm25Paragraphs;

    [Fact]
    public async Task EvaluateAsync_Templates_FillContextQueryIdAndParameters()
    {
        RagDataset dataset = Example.WithFirstQuestions(1);
        RagQuestion question = dataset.Questions[0];
        using var chat = new ScriptedChatClient((_, _) => question.Answer);
        using var objective = new RagObjective(dataset, new RagObjectiveOptions
        {
            Embeddings = new CountingEmbeddings(),
            ChatClient = chat,
            SystemPrompt = new PromptTemplate("Be {tone}."),
            Prompt = new PromptTemplate("Passages:\n{context}\nQ ({id}): {query}\nTone: {tone}"),
        });

        RunResult run = await Run(objective, new(Bm25Paragraphs) { ["tone"] = "dry" });

        Assert.True(run.HasUsableScore, run.Error);
        string context = await RetrievedContext(dataset, question);
        Assert.StartsWith("[1] ", context, StringComparison.Ordinal);
        Assert.Contains("\n[2] ", context, StringComparison.Ordinal);
        (string prompt, _) = Assert.Single(chat.Requests);
        Assert.Equal($"Be dry.\nPassages:\n{context}\nQ ({question.Id}): {question.Question}\nTone: dry", prompt);
    }

    [Fact]
    public async Task EvaluateAsync_DefaultTemplates_SystemMessageThenNumberedPassagesAndQuestion()
    {
        RagDataset dataset = Example.WithFirstQuestions(1);
        RagQuestion question = dataset.Questions[0];
        using var chat = new ScriptedChatClient((_, _) => question.Answer);
        using var objective = new RagObjective(dataset, new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat });

        await Run(objective, Bm25Paragraphs);

        (string prompt, _) = Assert.Single(chat.Requests);
        string expected = $"{RagObjectiveOptions.DefaultSystemPrompt.Text}\n{await RetrievedContext(dataset, question)}\n\nQuestion: {question.Question}";
        Assert.Equal(expected, prompt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task EvaluateAsync_MaxConcurrentQuestions_IsTheMostCallsInFlight(int limit)
    {
        RagDataset dataset = Example.WithFirstQuestions(8);
        using var scripted = new ScriptedChatClient((_, _) => "an answer");
        using var chat = new InFlightCountingChatClient(scripted, limit);
        using var objective = new RagObjective(dataset, new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat, MaxConcurrentQuestions = limit });

        RunResult run = await Run(objective, Bm25Paragraphs);

        Assert.True(run.HasUsableScore, run.Error);
        Assert.Equal(8, scripted.Calls);
        Assert.Equal(limit, chat.MaxInFlight);
    }

    [Fact]
    public async Task EvaluateAsync_WithAChatModel_KeepsUsageExamplesAndAnswerScores()
    {
        RagDataset dataset = Example.WithFirstQuestions(4);
        using var chat = new ScriptedChatClient((prompt, _) => AnswerOf(dataset, prompt));
        using var objective = new RagObjective(dataset, new RagObjectiveOptions
        {
            Embeddings = new CountingEmbeddings(),
            ChatClient = chat,
            Prices = new TokenPrices(1_000_000, 0),
        });

        RunResult run = await Run(objective, Bm25Paragraphs);

        Assert.True(run.HasUsableScore, run.Error);
        Assert.Equal(4, run.Metadata["llm_calls"]);
        long input = chat.Requests.Sum(r => (long)ScriptedChatClient.Words(r.Prompt));
        Assert.Equal(input, run.Metadata["input_tokens"]);
        Assert.Equal(dataset.Questions.Sum(q => (long)ScriptedChatClient.Words(q.Answer)), run.Metadata["output_tokens"]);
        Assert.Equal(input + (long)run.Metadata["output_tokens"]!, run.Metadata["total_tokens"]);
        Assert.IsType<double>(run.Metadata["latency_ms"]);
        Assert.Equal((double)input, (double)run.Metadata["cost"]!, 9);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], Assert.IsType<List<double>>(run.Metadata["item_answer_scores"]));
        Assert.Equal(1.0, run.Metadata["answer_score"]);
        var examples = Assert.IsType<List<Dictionary<string, object?>>>(run.Metadata["example_outputs"]);
        Assert.Equal(3, examples.Count);
        Assert.Equal(dataset.Questions[0].Id, examples[0]["id"]);
        Assert.Equal(dataset.Questions[0].Question, examples[0]["query"]);
        Assert.Equal(dataset.Questions[0].Answer, examples[0]["output"]);
        Assert.Equal(1.0, examples[0]["score"]);
        // The score stays the retrieval metric.
        Assert.Equal(Assert.IsType<List<double>>(run.Metadata["item_scores"]).Average(), run.Score, 12);
        Assert.Equal((double)run.Metadata["ndcg"]!, run.Score, 12);
        Assert.False(run.Metadata.ContainsKey("item_retrieval_scores"));
    }

    [Fact]
    public async Task EvaluateAsync_ScoreIsTheAnswer_ItemScoresAreTheAnswerScores()
    {
        RagDataset dataset = Example.WithFirstQuestions(4);
        HashSet<string> answered = [dataset.Questions[0].Question, dataset.Questions[2].Question];
        using var chat = new ScriptedChatClient((prompt, _) => answered.Any(q => prompt.Contains(q, StringComparison.Ordinal)) ? AnswerOf(dataset, prompt) : "no idea");
        using var objective = new RagObjective(dataset, new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat, Score = RagScore.Answer });

        RunResult run = await Run(objective, Bm25Paragraphs);

        Assert.True(run.HasUsableScore, run.Error);
        Assert.Equal([1.0, 0.0, 1.0, 0.0], Assert.IsType<List<double>>(run.Metadata["item_scores"]));
        Assert.Equal([1.0, 0.0, 1.0, 0.0], Assert.IsType<List<double>>(run.Metadata["item_answer_scores"]));
        Assert.Equal(0.5, run.Score, 12);
        Assert.Equal(0.5, (double)run.Metadata["answer_score"]!, 12);
        List<double> retrieval = Assert.IsType<List<double>>(run.Metadata["item_retrieval_scores"]);
        Assert.Equal(4, retrieval.Count);
        Assert.Equal(retrieval.Average(), (double)run.Metadata["ndcg"]!, 12);
        Assert.All(new[] { "hit_rate", "mrr", "recall" }, key => Assert.IsType<double>(run.Metadata[key]));
    }

    [Fact]
    public async Task EvaluateAsync_ModelParameters_ReachTheChatOptions()
    {
        using var chat = new ScriptedChatClient((_, _) => "an answer");
        using var objective = new RagObjective(Example.WithFirstQuestions(3), new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat });

        RunResult run = await Run(objective, new(Bm25Paragraphs) { ["model"] = "tiny", ["temperature"] = 0.3, ["max_tokens"] = 32, ["top_p"] = 0.8 });

        Assert.True(run.HasUsableScore, run.Error);
        Assert.Equal(3, chat.Requests.Count);
        Assert.All(chat.Requests, r =>
        {
            Assert.Equal("tiny", r.Options!.ModelId);
            Assert.Equal(0.3f, r.Options.Temperature);
            Assert.Equal(32, r.Options.MaxOutputTokens);
            Assert.Equal(0.8f, r.Options.TopP);
        });
        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count"], objective.GenerationParameters);
    }

    [Fact]
    public async Task EvaluateAsync_ModelParameterWithoutAChatModel_FailsTheRunAsAnUnknownParameter()
    {
        using var objective = new RagObjective(Example.WithFirstQuestions(1), new RagObjectiveOptions { Embeddings = new CountingEmbeddings() });

        RunResult run = await Run(objective, new(Bm25Paragraphs) { ["temperature"] = 0.3 });

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("Unknown retrieval parameter \"temperature\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ModelFails_FailsTheRunNamingTheQuestion()
    {
        RagDataset dataset = Example.WithFirstQuestions(3);
        using var chat = new ScriptedChatClient((_, _) => "an answer").FailFirst(new HttpRequestException("connection refused"));
        using var objective = new RagObjective(dataset, new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat, MaxConcurrentQuestions = 1 });

        RunResult run = await Run(objective, Bm25Paragraphs);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains($"The model failed on question \"{dataset.Questions[0].Id}\": connection refused", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_Evaluator_SeesTheReferenceAndTheRetrievedPassages()
    {
        RagDataset dataset = Example.WithFirstQuestions(2);
        var evaluator = new RecordingEvaluator();
        using var chat = new ScriptedChatClient((_, _) => "an answer");
        using var objective = new RagObjective(dataset, new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat, Evaluator = evaluator });

        RunResult run = await Run(objective, Bm25Paragraphs);

        Assert.True(run.HasUsableScore, run.Error);
        EvaluationItem item = evaluator.Items.Single(i => i.Id == dataset.Questions[1].Id);
        Assert.Equal(dataset.Questions[1].Question, item.Query);
        Assert.Equal(dataset.Questions[1].Answer, item.Reference);
        Assert.Equal(2, item.Contexts.Count);
        Assert.Equal([0.25, 0.25], Assert.IsType<List<double>>(run.Metadata["item_answer_scores"]));
    }

    [Fact]
    public async Task EvaluateAsync_EvaluatorFails_FailsTheRunNamingTheQuestion()
    {
        RagDataset dataset = Example.WithFirstQuestions(1);
        using var chat = new ScriptedChatClient((_, _) => "an answer");
        using var objective = new RagObjective(dataset, new RagObjectiveOptions { Embeddings = new CountingEmbeddings(), ChatClient = chat, Evaluator = new RecordingEvaluator { Fails = true } });

        RunResult run = await Run(objective, Bm25Paragraphs);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains($"The evaluator recording failed on question \"{dataset.Questions[0].Id}\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AnswerScoreWithoutAChatModel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new RagObjective(Example, new RagObjectiveOptions { Score = RagScore.Answer }));

        Assert.Contains("ChatClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoQuestionInFlight_Throws()
    {
        using var chat = new ScriptedChatClient("x");

        var error = Assert.Throws<ArgumentException>(() => new RagObjective(Example, new RagObjectiveOptions { ChatClient = chat, MaxConcurrentQuestions = 0 }));

        Assert.Contains("MaxConcurrentQuestions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerationParameters_AreTheModelParametersAndTheTemplatesPlaceholders()
    {
        using var chat = new ScriptedChatClient("x");
        using var objective = new RagObjective(Example, new RagObjectiveOptions
        {
            ChatClient = chat,
            SystemPrompt = new PromptTemplate("You are {persona}."),
            Prompt = new PromptTemplate("{context}\n{query} ({id}) in a {tone} tone, {persona}"),
        });

        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count", "tone", "persona"], objective.GenerationParameters);
    }

    private static string AnswerOf(RagDataset dataset, string prompt) =>
        dataset.Questions.First(q => prompt.Contains(q.Question, StringComparison.Ordinal)).Answer;

    private static async Task<string> RetrievedContext(RagDataset dataset, RagQuestion question)
    {
        RagPipeline pipeline = await RagPipeline.CreateAsync(RagParameters.Read(Bm25Paragraphs), dataset.Documents, null, CancellationToken.None);
        IReadOnlyList<ScoredChunk> passages = await pipeline.RetrieveAsync(question.Question, CancellationToken.None);
        return string.Join("\n", passages.Select((p, i) => $"[{i + 1}] {p.Chunk.Text}"));
    }

    private static Task<RunResult> Run(RagObjective objective, Dictionary<string, object?> parameters) => RagGenerationRuns.Run(objective, parameters);

    /// <summary>Counts the calls in flight; the first ones wait until <c>limit</c> are in flight, so a limit not honoured shows.</summary>
    private sealed class InFlightCountingChatClient(IChatClient inner, int limit) : DelegatingChatClient(inner)
    {
        private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _maxInFlight;

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            int now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            if (now >= limit)
            {
                _full.TrySetResult();
            }

            try
            {
                await _full.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                await Task.Delay(10, cancellationToken);
                return await base.GetResponseAsync(messages, options, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private sealed class RecordingEvaluator : IEvaluator
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<EvaluationItem> _items = [];

        public string Name => "recording";

        public bool Fails { get; init; }

        public IReadOnlyList<EvaluationItem> Items => [.. _items];

        public ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
        {
            _items.Add(item);
            return Fails ? throw new InvalidOperationException("judge unreachable") : new(new ItemScore(0.25));
        }
    }
}
