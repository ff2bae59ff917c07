using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Models;
using Nomadic.AI.Prompts;

namespace Nomadic.AI.Rag;

/// <summary>
/// The generation stage of a <see cref="RagObjective"/>: answers every question from its retrieved passages, a few
/// questions at a time, with the prompt variant and few-shot examples the run chooses, scores the answers and records
/// the calls' usage. Thread-safe.
/// </summary>
internal sealed class RagGeneration
{
    private static readonly string[] QuestionValues = ["context", "query", "id", "examples"];
    private readonly RagObjectiveOptions _options;
    private readonly PromptVariants _prompts;
    private readonly ItemGeneration _answers;

    public RagGeneration(IChatClient client, RagObjectiveOptions options)
    {
        _options = options;
        _prompts = options.Prompts ?? PromptVariants.Of(options.Prompt.Text);
        _answers = new ItemGeneration(client, options.Evaluator, TimeProvider.System, "question");
        IEnumerable<string> placeholders = _prompts.Names.SelectMany(n => _prompts[n].Placeholders).Concat(options.SystemPrompt?.Placeholders ?? []);
        Parameters = [.. RagParameters.Generation.Concat(placeholders).Except(QuestionValues, StringComparer.Ordinal).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the names of the run parameters the stage reads: the chat call's, the prompt choice's and the templates' placeholders.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Reads what a run's parameters ask of the model, before anything is retrieved.</summary>
    /// <param name="parameters">The run's parameters.</param>
    /// <returns>The chat options, the prompt and the few-shot count.</returns>
    /// <exception cref="ArgumentException">The prompt variant is missing or unknown, or examples are asked for without a pool.</exception>
    public RunSettings Settings(IReadOnlyDictionary<string, object?> parameters) => RunSettings.Read(parameters, _prompts, _options.FewShot);

    /// <summary>Answers and scores every question.</summary>
    /// <param name="questions">The questions.</param>
    /// <param name="passages">The passages retrieved for each question, in the same order.</param>
    /// <param name="parameters">The run's parameters.</param>
    /// <param name="settings">The run's <see cref="Settings"/>.</param>
    /// <param name="cancellationToken">Fires when the run must stop.</param>
    /// <returns>The answer score per question, in order, and the run's generation metadata.</returns>
    public async Task<(List<double> Scores, Dictionary<string, object?> Metadata)> AnswerAsync(
        IReadOnlyList<RagQuestion> questions,
        IReadOnlyList<IReadOnlyList<ScoredChunk>> passages,
        IReadOnlyDictionary<string, object?> parameters,
        RunSettings settings,
        CancellationToken cancellationToken)
    {
        List<EvaluationItem> items = [.. questions.Select((q, i) => Item(q, passages[i]))];
        var outcomes = new ItemOutcome[items.Count];
        var usage = new ChatUsageTracker();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentQuestions, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, items.Count, parallel, async (i, ct) =>
        {
            Dictionary<string, string> values = ItemGeneration.Values(items[i], parameters, RagContextText.Of(passages[i]));
            values["examples"] = settings.Examples(items[i]);
            outcomes[i] = await _answers.AnswerAsync(items[i], _options.SystemPrompt, settings.Prompt, values, settings.ChatOptions, usage, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        List<double> scores = [.. outcomes.Select(o => o.Score.Score)];
        Dictionary<string, object?> metadata = usage.Snapshot().ToMetadata(_options.Prices);
        metadata[RagObjective.AnswerScoreKey] = scores.Average();
        metadata[RagObjective.ItemAnswerScoresKey] = scores;
        metadata[LlmObjective.ExampleOutputsKey] = ItemOutcome.Examples(items, outcomes, _options.ExampleOutputCount);
        return (scores, metadata);
    }

    private static EvaluationItem Item(RagQuestion question, IReadOnlyList<ScoredChunk> passages) => new(question.Id, question.Question)
    {
        Reference = question.Answer,
        Contexts = [.. passages.Select(p => p.Chunk.Text)],
        RelevantDocumentIds = question.RelevantDocumentIds,
    };
}
