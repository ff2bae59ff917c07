using System.Diagnostics;
using Microsoft.Extensions.AI;
using Nomadic.AI.Models;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.AI.Rag;

/// <summary>
/// Scores a retrieval pipeline configuration on a <see cref="RagDataset"/>: builds the pipeline from the run's
/// parameters (<see cref="RagParameters"/>), retrieves for every question and returns the mean of the chosen metric;
/// with a chat model, also answers every question from its retrieved passages and scores the answers.
/// </summary>
/// <remarks>
/// <para>
/// The run's metadata holds every metric's mean (<c>hit_rate</c>, <c>mrr</c>, <c>ndcg</c>, <c>recall</c>, at the same
/// cutoff <c>metric_k</c>), <c>item_scores</c> (the score per question, in dataset order, for paired tests between
/// runs), <c>index_build_ms</c>, <c>query_ms</c>, <c>chunks</c> and <c>questions</c>. Indexes (chunks, BM25
/// statistics, embeddings) are cached per chunking configuration and shared by every run of this objective, concurrent
/// ones included; <c>index_build_ms</c> is near zero for a chunking already built.
/// </para>
/// <para>
/// With <see cref="RagObjectiveOptions.ChatClient"/>, each run also sends every question, with its passages in the
/// prompt, to the model (<see cref="RagObjectiveOptions.MaxConcurrentQuestions"/> at a time, under the run's
/// <c>model</c>, <c>temperature</c>, <c>max_tokens</c> and <c>top_p</c>, with the prompt variant its
/// <c>prompt_variant</c> names and as many few-shot examples as its <c>few_shot_count</c>), scores the answers with
/// <see cref="RagObjectiveOptions.Evaluator"/>, and adds <c>answer_score</c> (their mean), <c>item_answer_scores</c>,
/// <c>example_outputs</c> and the calls' usage (<see cref="ChatUsage.ToMetadata"/>: <c>llm_calls</c>,
/// <c>input_tokens</c>, <c>output_tokens</c>, <c>total_tokens</c>, <c>latency_ms</c>, <c>cost</c> with prices). With
/// <see cref="RagScore.Answer"/>, the run's score and <c>item_scores</c> are the answers' and the retrieval metric per
/// question moves to <c>item_retrieval_scores</c>. A model failure fails the run naming the question.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var dataset = RagDataset.Load("corpus", "questions.jsonl");
/// using var objective = new RagObjective(dataset, new RagObjectiveOptions { Metric = RagMetric.Parse("ndcg@5") });
/// var experiment = new Experiment(space, objective, new ExperimentOptions { NumSamples = 30 });
/// </code>
/// </example>
public sealed class RagObjective : IObjective, IDisposable
{
    /// <summary>The metadata key of the mean answer score.</summary>
    public const string AnswerScoreKey = "answer_score";

    /// <summary>The metadata key of the answer score per question, in dataset order.</summary>
    public const string ItemAnswerScoresKey = "item_answer_scores";

    /// <summary>The metadata key of the retrieval metric per question when the score is the answers'.</summary>
    public const string ItemRetrievalScoresKey = "item_retrieval_scores";

    private readonly RagDataset _dataset;
    private readonly RagObjectiveOptions _options;
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _embeddings;
    private readonly RagIndexCache _indexes;
    private readonly RagGeneration? _generation;

    /// <summary>Initializes a new instance of the <see cref="RagObjective"/> class.</summary>
    /// <param name="dataset">The corpus and questions.</param>
    /// <param name="options">Metric, embedding model and optional generation stage; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the score is the answers' but there is no chat model...).</exception>
    public RagObjective(RagDataset dataset, RagObjectiveOptions? options = null)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _options = options ?? new RagObjectiveOptions();
        _options.Validate();
        _embeddings = new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(
            () => _options.Embeddings ?? new MiniLmEmbeddingGenerator(), LazyThreadSafetyMode.ExecutionAndPublication);
        _indexes = new RagIndexCache(dataset.Documents, _embeddings);
        _generation = _options.ChatClient is IChatClient chat ? new RagGeneration(chat, _options) : null;
    }

    /// <summary>Gets how many chunking configurations have been indexed so far.</summary>
    public int IndexCount => _indexes.Count;

    /// <summary>Gets the names of the run parameters the generation stage reads (<see cref="RagParameters.Generation"/> and the templates' placeholders); empty without a chat model.</summary>
    public IReadOnlyList<string> GenerationParameters => _generation?.Parameters ?? [];

    /// <inheritdoc/>
    public async ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        RagConfiguration configuration = RagParameters.Read(trial.Params, GenerationParameters);
        RunSettings? settings = _generation?.Settings(trial.Params);
        long start = Stopwatch.GetTimestamp();
        RagPipeline pipeline = await RagPipeline.CreateAsync(configuration, _indexes, cancellationToken).ConfigureAwait(false);
        TimeSpan build = Stopwatch.GetElapsedTime(start);
        int k = _options.Metric.K ?? configuration.TopK;
        var passages = new List<IReadOnlyList<ScoredChunk>>(_dataset.Questions.Count);
        var scores = new List<RetrievalScores>(_dataset.Questions.Count);
        start = Stopwatch.GetTimestamp();
        foreach (RagQuestion question in _dataset.Questions)
        {
            IReadOnlyList<ScoredChunk> retrieved = await pipeline.RetrieveAsync(question.Question, cancellationToken).ConfigureAwait(false);
            passages.Add(retrieved);
            scores.Add(RetrievalMetrics.Evaluate(question, retrieved.Select(c => c.Chunk).ToList(), pipeline.Chunks, k));
        }

        TimeSpan query = Stopwatch.GetElapsedTime(start);
        List<double> items = scores.Select(s => s.Get(_options.Metric.Kind)).ToList();
        var metadata = new Dictionary<string, object?>
        {
            ["hit_rate"] = scores.Average(s => s.HitRate),
            ["mrr"] = scores.Average(s => s.ReciprocalRank),
            ["ndcg"] = scores.Average(s => s.Ndcg),
            ["recall"] = scores.Average(s => s.Recall),
            ["metric"] = _options.Metric.ToString(),
            ["metric_k"] = k,
            [LlmObjective.ItemScoresKey] = items,
            ["index_build_ms"] = Math.Round(build.TotalMilliseconds, 1),
            ["query_ms"] = Math.Round(query.TotalMilliseconds, 1),
            ["chunks"] = pipeline.Chunks.Count,
            ["questions"] = _dataset.Questions.Count,
        };
        if (_generation is null || settings is null)
        {
            return new RunResult(items.Average(), trial.Params, metadata);
        }

        (List<double> answers, Dictionary<string, object?> generation) = await _generation.AnswerAsync(_dataset.Questions, passages, trial.Params, settings, cancellationToken).ConfigureAwait(false);
        foreach ((string key, object? value) in generation)
        {
            metadata[key] = value;
        }

        if (_options.Score == RagScore.Answer)
        {
            metadata[ItemRetrievalScoresKey] = items;
            metadata[LlmObjective.ItemScoresKey] = answers;
            items = answers;
        }

        return new RunResult(items.Average(), trial.Params, metadata);
    }

    /// <summary>Disposes the embedding model the objective created; a model passed in the options is left to its owner.</summary>
    public void Dispose()
    {
        if (_options.Embeddings is null && _embeddings.IsValueCreated)
        {
            _embeddings.Value.Dispose();
        }
    }
}
