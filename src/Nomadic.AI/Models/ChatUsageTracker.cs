using Microsoft.Extensions.AI;

namespace Nomadic.AI.Models;

/// <summary>Adds up the token usage and latency of chat calls; thread-safe.</summary>
/// <remarks>
/// One tracker can serve a whole process (through <see cref="UsageTrackingChatClient"/>) or one run of an objective;
/// <see cref="Snapshot"/> reads the totals at any time.
/// </remarks>
public sealed class ChatUsageTracker
{
    private readonly Lock _gate = new();
    private ChatUsage _usage;

    /// <summary>Records one call.</summary>
    /// <param name="usage">The usage the server reported (<see cref="ChatResponse.Usage"/>); <see langword="null"/> when it reported none.</param>
    /// <param name="latency">How long the call took.</param>
    public void Record(UsageDetails? usage, TimeSpan latency)
    {
        long input = usage?.InputTokenCount ?? 0;
        long output = usage?.OutputTokenCount ?? 0;
        long total = usage?.TotalTokenCount ?? input + output;
        lock (_gate)
        {
            _usage = new ChatUsage(
                _usage.Calls + 1,
                _usage.InputTokens + input,
                _usage.OutputTokens + output,
                _usage.TotalTokens + total,
                _usage.Latency + latency);
        }
    }

    /// <summary>Returns the totals recorded so far.</summary>
    /// <returns>The totals.</returns>
    public ChatUsage Snapshot()
    {
        lock (_gate)
        {
            return _usage;
        }
    }

    /// <summary>Forgets everything recorded.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _usage = default;
        }
    }
}
