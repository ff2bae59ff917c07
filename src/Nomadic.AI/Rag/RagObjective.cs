using System.Diagnostics;
using Microsoft.Extensions.AI;
using Nomadic.AI.Models;
using Nomadic.Experiments;
using Nomadic.Results;

namespace Nomadic.AI.Rag;

/// <summary>
/// Scores a retrieval pipeline configuration on a <see cref="RagDataset"/>: builds the pipeline from the run's
/// parameters (<see cref="RagParameters"/>), retrieves for every question and returns the mean of the chosen metric.
/// </summary>
/// <remarks>
/// The run's metadata holds every metric's mean (<c>hit_rate</c>, <c>mrr</c>, <c>ndcg</c>, <c>recall</c>, at the same
/// cutoff <c>metric_k</c>), <c>item_scores</c> (the chosen metric per question, in dataset order, for paired tests
/// between runs), <c>index_build_ms</c>, <c>query_ms</c>, <c>chunks</c> and <c>questions</c>. Indexes (chunks, BM25
/// statistics, embeddings) are cached per chunking configuration and shared by every run of this objective, concurrent
/// ones included; <c>index_build_ms</c> is near zero for a chunking already built.
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
    private readonly RagDataset _dataset;
    private readonly RagObjectiveOptions _options;
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _embeddings;
    private readonly RagIndexCache _indexes;

    /// <summary>Initializes a new instance of the <see cref="RagObjective"/> class.</summary>
    /// <param name="dataset">The corpus and questions.</param>
    /// <param name="options">Metric, embedding model and optional chat model; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public RagObjective(RagDataset dataset, RagObjectiveOptions? options = null)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _options = options ?? new RagObjectiveOptions();
        _embeddings = new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(
            () => _options.Embeddings ?? new MiniLmEmbeddingGenerator(), LazyThreadSafetyMode.ExecutionAndPublication);
        _indexes = new RagIndexCache(dataset.Documents, _embeddings);
    }

    /// <summary>Gets how many chunking configurations have been indexed so far.</summary>
    public int IndexCount => _indexes.Count;

    /// <inheritdoc/>
    public async ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        RagConfiguration configuration = RagParameters.Read(trial.Params);
        long start = Stopwatch.GetTimestamp();
        RagPipeline pipeline = await RagPipeline.CreateAsync(configuration, _indexes, cancellationToken).ConfigureAwait(false);
        TimeSpan build = Stopwatch.GetElapsedTime(start);
        int k = _options.Metric.K ?? configuration.TopK;
        var scores = new List<RetrievalScores>(_dataset.Questions.Count);
        start = Stopwatch.GetTimestamp();
        foreach (RagQuestion question in _dataset.Questions)
        {
            IReadOnlyList<ScoredChunk> retrieved = await pipeline.RetrieveAsync(question.Question, cancellationToken).ConfigureAwait(false);
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
            ["item_scores"] = items,
            ["index_build_ms"] = Math.Round(build.TotalMilliseconds, 1),
            ["query_ms"] = Math.Round(query.TotalMilliseconds, 1),
            ["chunks"] = pipeline.Chunks.Count,
            ["questions"] = _dataset.Questions.Count,
        };
        if (_options.ChatClient is IChatClient chat)
        {
            List<double> answers = await AnswerScoresAsync(pipeline, chat, cancellationToken).ConfigureAwait(false);
            metadata["answer_score"] = answers.Average();
            metadata["item_answer_scores"] = answers;
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

    // The same token F1 (SQuAD normalisation) as the LLM objectives' evaluator.
    private static double TokenF1Score(string output, string reference) =>
        new Evaluation.TokenF1Evaluator().EvaluateAsync(new Datasets.EvaluationItem("answer", "") { Reference = reference }, output).AsTask().GetAwaiter().GetResult().Score;

    private async Task<List<double>> AnswerScoresAsync(RagPipeline pipeline, IChatClient chat, CancellationToken cancellationToken)
    {
        Func<string, string, double> scorer = _options.AnswerScorer ?? TokenF1Score;
        var scores = new List<double>(_dataset.Questions.Count);
        foreach (RagQuestion question in _dataset.Questions)
        {
            RagAnswer answer = await pipeline.AnswerAsync(question.Question, chat, cancellationToken).ConfigureAwait(false);
            scores.Add(scorer(answer.Text, question.Answer));
        }

        return scores;
    }
}
