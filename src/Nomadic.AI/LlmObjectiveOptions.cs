using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;
using Nomadic.AI.Prompts;

namespace Nomadic.AI;

/// <summary>What an <see cref="LlmObjective"/> evaluates: a dataset, a chat client, prompts and an evaluator.</summary>
public sealed class LlmObjectiveOptions
{
    /// <summary>Gets the items every run is evaluated on.</summary>
    public required EvaluationDataset Dataset { get; init; }

    /// <summary>Gets the chat client the prompts are sent to (wrap it in <see cref="RetryingChatClient"/> for rate limits).</summary>
    public required IChatClient Client { get; init; }

    /// <summary>Gets the evaluator scoring each output.</summary>
    public required IEvaluator Evaluator { get; init; }

    /// <summary>Gets the prompt templates, chosen by the <see cref="LlmParameters.PromptVariant"/> parameter when there are several.</summary>
    public required PromptVariants Prompts { get; init; }

    /// <summary>Gets a system message template, with the same placeholders as the prompts.</summary>
    /// <value>The default value is <see langword="null"/>: no system message.</value>
    public PromptTemplate? SystemPrompt { get; init; }

    /// <summary>Gets the pool <c>{examples}</c> is drawn from, by the <see cref="LlmParameters.FewShotCount"/> parameter.</summary>
    /// <value>The default value is <see langword="null"/>: a run asking for examples fails.</value>
    public FewShotPool? FewShot { get; init; }

    /// <summary>Gets what fills <c>{context}</c> for an item under a run's parameters (a retriever).</summary>
    /// <value>The default value is <see langword="null"/>: the item's own <see cref="EvaluationItem.Contexts"/>.</value>
    public ContextProvider? Context { get; init; }

    /// <summary>Gets how many items are sent to the model at the same time within one run.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrentItems { get; init; } = 4;

    /// <summary>Gets how many outputs (the first items') are kept in the run's metadata as examples.</summary>
    /// <value>The default value is 3.</value>
    public int ExampleOutputCount { get; init; } = 3;

    /// <summary>Gets the prices that turn the run's tokens into a <c>cost</c> metadata entry.</summary>
    /// <value>The default value is <see langword="null"/>: no cost.</value>
    public TokenPrices? Prices { get; init; }

    /// <summary>Gets after how many items the running mean score is reported to the trial, so a pruner can stop a poor run early.</summary>
    /// <value>The default value is <see langword="null"/>: no intermediate reports.</value>
    public int? ReportEvery { get; init; }

    /// <summary>Gets the clock call latencies are measured with.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dataset, nameof(Dataset));
        ArgumentNullException.ThrowIfNull(Client, nameof(Client));
        ArgumentNullException.ThrowIfNull(Evaluator, nameof(Evaluator));
        ArgumentNullException.ThrowIfNull(Prompts, nameof(Prompts));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (MaxConcurrentItems < 1)
        {
            throw new ArgumentException($"MaxConcurrentItems must be at least 1, got {MaxConcurrentItems}.");
        }

        if (ExampleOutputCount < 0)
        {
            throw new ArgumentException($"ExampleOutputCount must be 0 or more, got {ExampleOutputCount}.");
        }

        if (ReportEvery is < 1)
        {
            throw new ArgumentException($"ReportEvery must be at least 1, got {ReportEvery}.");
        }
    }
}
