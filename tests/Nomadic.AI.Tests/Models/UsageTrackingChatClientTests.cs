using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Nomadic.AI.Models;

namespace Nomadic.AI.Tests.Models;

public class UsageTrackingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_SeveralCalls_AddsUpTokensAndLatency()
    {
        var clock = new FakeTimeProvider();
        var inner = new ScriptedChatClient("one two", "three") { OnCall = () => clock.Advance(TimeSpan.FromMilliseconds(250)) };
        var tracker = new ChatUsageTracker();
        using var client = new UsageTrackingChatClient(inner, tracker, clock);

        await client.GetResponseAsync("a b c");
        await client.GetResponseAsync("d");

        ChatUsage usage = tracker.Snapshot();
        Assert.Equal(2, usage.Calls);
        Assert.Equal(4, usage.InputTokens);
        Assert.Equal(3, usage.OutputTokens);
        Assert.Equal(7, usage.TotalTokens);
        Assert.Equal(TimeSpan.FromMilliseconds(500), usage.Latency);
        Assert.Equal(250, usage.MeanLatencyMilliseconds);
    }

    [Fact]
    public async Task GetResponseAsync_FailedCall_CountsWithoutTokens()
    {
        var inner = new ScriptedChatClient("x").FailFirst(FakeResponses.Error(400));
        var tracker = new ChatUsageTracker();
        using var client = new UsageTrackingChatClient(inner, tracker);

        await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => client.GetResponseAsync("a"));

        Assert.Equal(1, tracker.Snapshot().Calls);
        Assert.Equal(0, tracker.Snapshot().TotalTokens);
    }

    [Fact]
    public async Task Builder_TrackingOutsideRetries_RecordsOneCallWithItsRetries()
    {
        var inner = new ScriptedChatClient("ok").FailFirst(FakeResponses.Error(429));
        var tracker = new ChatUsageTracker();
        using IChatClient client = inner.AsBuilder()
            .UseUsageTracking(tracker)
            .UseRetries(new ChatRetryOptions { BaseDelay = TimeSpan.Zero })
            .Build();

        await client.GetResponseAsync("a b");

        Assert.Equal(2, inner.Calls);
        Assert.Equal(1, tracker.Snapshot().Calls);
        Assert.Equal(3, tracker.Snapshot().TotalTokens);
    }

    [Fact]
    public void ToMetadata_WithPrices_GivesTokensLatencyAndCost()
    {
        var tracker = new ChatUsageTracker();
        tracker.Record(new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 500_000 }, TimeSpan.FromMilliseconds(40));
        tracker.Record(null, TimeSpan.FromMilliseconds(60));

        Dictionary<string, object?> metadata = tracker.Snapshot().ToMetadata(new TokenPrices(InputPerMillion: 0.15, OutputPerMillion: 0.60));

        Assert.Equal(2, metadata["llm_calls"]);
        Assert.Equal(1_000_000L, metadata["input_tokens"]);
        Assert.Equal(500_000L, metadata["output_tokens"]);
        Assert.Equal(1_500_000L, metadata["total_tokens"]);
        Assert.Equal(50.0, metadata["latency_ms"]);
        Assert.Equal(0.45, (double)metadata["cost"]!, 12);
    }
}
