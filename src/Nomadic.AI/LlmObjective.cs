using Nomadic.AI.Datasets;
using Nomadic.AI.Models;
using Nomadic.Experiments;
using Nomadic.Pruning;
using Nomadic.Results;

namespace Nomadic.AI;

/// <summary>
/// An objective that evaluates one LLM configuration (model, temperature, max tokens, prompt variant, few-shot count)
/// on a dataset: every item goes through the prompt and the chat client, every output is scored, and the run's score
/// is the mean item score.
/// </summary>
/// <remarks>
/// The run's metadata keeps <c>item_scores</c> (one score per item, in dataset order, for paired comparisons of runs),
/// the token usage and mean call latency (<see cref="ChatUsage.ToMetadata"/>, to minimize as further objectives),
/// <c>cost</c> with prices, and <c>example_outputs</c>. Parameters the objective does not read are still available
/// to the prompt as placeholders. Safe for concurrent runs.
/// </remarks>
/// <example>
/// <code>
/// var objective = new LlmObjective(new LlmObjectiveOptions
/// {
///     Dataset = EvaluationDataset.Load("qa.jsonl"),
///     Client = ChatClients.Create(endpoint).AsBuilder().UseRetries().Build(),
///     Evaluator = new TokenF1Evaluator(),
///     Prompts = prompts,
/// });
/// var experiment = new Experiment(space, objective, new ExperimentOptions { NumSamples = 20 });
/// </code>
/// </example>
public sealed class LlmObjective : IObjective
{
    /// <summary>The metadata key of the per-item scores, in dataset order.</summary>
    public const string ItemScoresKey = "item_scores";

    /// <summary>The metadata key of the example outputs: a list of <c>{id, query, output, score}</c>.</summary>
    public const string ExampleOutputsKey = "example_outputs";

    private readonly LlmObjectiveOptions _options;
    private readonly ItemGeneration _generation;

    /// <summary>Initializes a new instance of the <see cref="LlmObjective"/> class.</summary>
    /// <param name="options">The dataset, client, prompts and evaluator.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public LlmObjective(LlmObjectiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _generation = new ItemGeneration(options.Client, options.Evaluator, options.TimeProvider, "item");
    }

    /// <inheritdoc />
    public async ValueTask<RunResult> EvaluateAsync(Trial trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        RunSettings settings = RunSettings.Read(trial.Params, _options.Prompts, _options.FewShot);
        IReadOnlyList<EvaluationItem> items = _options.Dataset.Items;
        var outcomes = new ItemOutcome[items.Count];
        var usage = new ChatUsageTracker();
        int chunk = _options.ReportEvery ?? items.Count;
        for (int start = 0; start < items.Count; start += chunk)
        {
            int end = Math.Min(items.Count, start + chunk);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentItems, CancellationToken = cancellationToken };
            await Parallel.ForAsync(start, end, parallel, async (i, ct) =>
                outcomes[i] = await EvaluateItemAsync(items[i], trial.Params, settings, usage, ct).ConfigureAwait(false)).ConfigureAwait(false);
            if (_options.ReportEvery is not null && end < items.Count)
            {
                trial.Report(end, outcomes.Take(end).Average(o => o.Score.Score));
                if (trial.ShouldPrune())
                {
                    throw new TrialPrunedException($"Pruned after {end} of {items.Count} items.");
                }
            }
        }

        List<double> scores = [.. outcomes.Select(o => o.Score.Score)];
        Dictionary<string, object?> metadata = usage.Snapshot().ToMetadata(_options.Prices);
        metadata[ItemScoresKey] = scores;
        metadata[ExampleOutputsKey] = ItemOutcome.Examples(items, outcomes, _options.ExampleOutputCount);
        return new RunResult(scores.Average(), trial.Params, metadata);
    }

    private async Task<ItemOutcome> EvaluateItemAsync(
        EvaluationItem item, IReadOnlyDictionary<string, object?> parameters, RunSettings settings, ChatUsageTracker usage, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> contexts = _options.Context is { } provider
            ? await provider(item, parameters, cancellationToken).ConfigureAwait(false)
            : item.Contexts;
        Dictionary<string, string> values = ItemGeneration.Values(item, parameters, string.Join("\n\n", contexts));
        values["examples"] = settings.Examples(item);
        return await _generation.AnswerAsync(item, _options.SystemPrompt, settings.Prompt, values, settings.ChatOptions, usage, cancellationToken).ConfigureAwait(false);
    }
}
