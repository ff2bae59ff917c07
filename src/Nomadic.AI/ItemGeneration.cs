using Microsoft.Extensions.AI;
using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;
using Nomadic.AI.Models;
using Nomadic.AI.Prompts;

namespace Nomadic.AI;

/// <summary>
/// Answers one item with a chat model and scores the answer: renders the system message and the prompt, records the
/// call's usage and latency, and fails naming the item when the model or the evaluator fails. Thread-safe.
/// </summary>
/// <param name="client">The chat model.</param>
/// <param name="evaluator">Scores the answers.</param>
/// <param name="clock">Measures the calls' latency.</param>
/// <param name="itemNoun">What an item is called in errors: <c>item</c>, <c>question</c>.</param>
internal sealed class ItemGeneration(IChatClient client, IEvaluator evaluator, TimeProvider clock, string itemNoun)
{
    /// <summary>The placeholder values of an item under a run: the item's fields, the run's parameters, <c>{id}</c>, <c>{query}</c> and <c>{context}</c>.</summary>
    public static Dictionary<string, string> Values(EvaluationItem item, IReadOnlyDictionary<string, object?> parameters, string context)
    {
        var values = new Dictionary<string, string>(item.Fields, StringComparer.Ordinal);
        foreach ((string name, string value) in RunParameters.AsText(parameters))
        {
            values[name] = value;
        }

        values["id"] = item.Id;
        values["query"] = item.Query;
        values["context"] = context;
        return values;
    }

    /// <summary>Sends the rendered messages, records the call and scores the answer.</summary>
    /// <param name="item">The item, passed to the evaluator.</param>
    /// <param name="system">The system message template; none when null.</param>
    /// <param name="prompt">The user message template.</param>
    /// <param name="values">The placeholder values.</param>
    /// <param name="options">The run's chat options; each call gets a copy.</param>
    /// <param name="usage">Where the call is recorded.</param>
    /// <param name="cancellationToken">Fires when the run must stop.</param>
    /// <returns>The answer and its score.</returns>
    /// <exception cref="InvalidOperationException">The model or the evaluator failed; the message names the item.</exception>
    public async Task<ItemOutcome> AnswerAsync(
        EvaluationItem item,
        PromptTemplate? system,
        PromptTemplate prompt,
        IReadOnlyDictionary<string, string> values,
        ChatOptions options,
        ChatUsageTracker usage,
        CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = [];
        if (system is not null)
        {
            messages.Add(new ChatMessage(ChatRole.System, system.Render(values)));
        }

        messages.Add(new ChatMessage(ChatRole.User, prompt.Render(values)));
        long started = clock.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, options.Clone(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            usage.Record(null, clock.GetElapsedTime(started));
            throw new InvalidOperationException($"The model failed on {itemNoun} \"{item.Id}\": {e.Message}", e);
        }

        usage.Record(response.Usage, clock.GetElapsedTime(started));
        string output = response.Text;
        try
        {
            return new ItemOutcome(output, await evaluator.EvaluateAsync(item, output, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An LLM judge is a model call too: its failure names the item like the answer's does.
            throw new InvalidOperationException($"The evaluator {evaluator.Name} failed on {itemNoun} \"{item.Id}\": {e.Message}", e);
        }
    }
}
