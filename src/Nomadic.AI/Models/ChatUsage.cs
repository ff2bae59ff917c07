namespace Nomadic.AI.Models;

/// <summary>The token usage and latency of a number of chat calls, as recorded by a <see cref="ChatUsageTracker"/>.</summary>
/// <param name="Calls">The calls recorded, failed ones included.</param>
/// <param name="InputTokens">The input (prompt) tokens the server reported.</param>
/// <param name="OutputTokens">The output (completion) tokens the server reported.</param>
/// <param name="TotalTokens">The total tokens: the server's total when it reported one, else input plus output.</param>
/// <param name="Latency">The time spent in the calls, added up (retries and their delays included).</param>
public readonly record struct ChatUsage(int Calls, long InputTokens, long OutputTokens, long TotalTokens, TimeSpan Latency)
{
    /// <summary>The metadata key of the input tokens.</summary>
    public const string InputTokensKey = "input_tokens";

    /// <summary>The metadata key of the output tokens.</summary>
    public const string OutputTokensKey = "output_tokens";

    /// <summary>The metadata key of the total tokens.</summary>
    public const string TotalTokensKey = "total_tokens";

    /// <summary>The metadata key of the mean latency of one call, in milliseconds.</summary>
    public const string LatencyKey = "latency_ms";

    /// <summary>The metadata key of the number of calls.</summary>
    public const string CallsKey = "llm_calls";

    /// <summary>The metadata key of the cost.</summary>
    public const string CostKey = "cost";

    /// <summary>Gets the mean latency of one call in milliseconds; 0 without calls.</summary>
    public double MeanLatencyMilliseconds => Calls == 0 ? 0 : Latency.TotalMilliseconds / Calls;

    /// <summary>Returns what the tokens cost.</summary>
    /// <param name="prices">The prices per million tokens.</param>
    /// <returns>The cost, in the prices' currency.</returns>
    public double Cost(TokenPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return prices.CostOf(InputTokens, OutputTokens);
    }

    /// <summary>
    /// Returns the usage as run metadata: <c>llm_calls</c>, <c>input_tokens</c>, <c>output_tokens</c>,
    /// <c>total_tokens</c>, <c>latency_ms</c> (mean per call) and, with prices, <c>cost</c>; each can be an
    /// <c>ObjectiveMetric</c> to minimize.
    /// </summary>
    /// <param name="prices">The prices per million tokens; no <c>cost</c> entry without them.</param>
    /// <returns>The metadata entries.</returns>
    public Dictionary<string, object?> ToMetadata(TokenPrices? prices = null)
    {
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CallsKey] = Calls,
            [InputTokensKey] = InputTokens,
            [OutputTokensKey] = OutputTokens,
            [TotalTokensKey] = TotalTokens,
            [LatencyKey] = MeanLatencyMilliseconds,
        };
        if (prices is not null)
        {
            metadata[CostKey] = Cost(prices);
        }

        return metadata;
    }
}
