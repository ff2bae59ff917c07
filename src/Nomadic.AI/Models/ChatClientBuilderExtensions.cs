using Microsoft.Extensions.AI;

namespace Nomadic.AI.Models;

/// <summary>Adds Nomadic's retrying and usage-tracking clients to a <see cref="ChatClientBuilder"/> pipeline.</summary>
/// <example>
/// <code>
/// var usage = new ChatUsageTracker();
/// IChatClient client = ChatClients.Create(endpoint).AsBuilder()
///     .UseUsageTracking(usage)   // outermost: a call's latency includes its retries
///     .UseRetries()
///     .Build();
/// </code>
/// </example>
public static class ChatClientBuilderExtensions
{
    /// <summary>Retries rate-limited and transiently failing calls (<see cref="RetryingChatClient"/>).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="options">How to retry; the defaults when <see langword="null"/>.</param>
    /// <returns>The same builder.</returns>
    public static ChatClientBuilder UseRetries(this ChatClientBuilder builder, ChatRetryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new RetryingChatClient(inner, options));
    }

    /// <summary>Records every call's token usage and latency (<see cref="UsageTrackingChatClient"/>).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="tracker">Where the calls are recorded.</param>
    /// <param name="timeProvider">The clock latency is measured with; the system clock when <see langword="null"/>.</param>
    /// <returns>The same builder.</returns>
    public static ChatClientBuilder UseUsageTracking(this ChatClientBuilder builder, ChatUsageTracker tracker, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tracker);
        return builder.Use(inner => new UsageTrackingChatClient(inner, tracker, timeProvider));
    }
}
