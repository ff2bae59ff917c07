using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Nomadic.AI.Models;

/// <summary>A chat client that records every call's token usage and latency in a <see cref="ChatUsageTracker"/>.</summary>
/// <remarks>
/// Placed outside a <see cref="RetryingChatClient"/>, a call's latency includes its retries; a failed call counts as a
/// call without tokens. A streaming call's usage comes from its <see cref="UsageContent"/> updates.
/// </remarks>
public sealed class UsageTrackingChatClient : DelegatingChatClient
{
    private readonly TimeProvider _clock;

    /// <summary>Initializes a new instance of the <see cref="UsageTrackingChatClient"/> class.</summary>
    /// <param name="innerClient">The client whose calls are recorded.</param>
    /// <param name="tracker">Where the calls are recorded.</param>
    /// <param name="timeProvider">The clock latency is measured with; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public UsageTrackingChatClient(IChatClient innerClient, ChatUsageTracker tracker, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        Tracker = tracker;
        _clock = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the tracker the calls are recorded in.</summary>
    public ChatUsageTracker Tracker { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        long start = _clock.GetTimestamp();
        UsageDetails? usage = null;
        try
        {
            ChatResponse response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            usage = response.Usage;
            return response;
        }
        finally
        {
            Tracker.Record(usage, _clock.GetElapsedTime(start));
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long start = _clock.GetTimestamp();
        var usage = new UsageDetails();
        try
        {
            await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                foreach (UsageContent content in update.Contents.OfType<UsageContent>())
                {
                    usage.Add(content.Details);
                }

                yield return update;
            }
        }
        finally
        {
            Tracker.Record(usage, _clock.GetElapsedTime(start));
        }
    }
}
