using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Nomadic.AI.Models;

namespace Nomadic.AI.Tests.Models;

public class RetryingChatClientTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task GetResponseAsync_RateLimitedWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var inner = new ScriptedChatClient("fine").FailFirst(FakeResponses.Error(429, retryAfter: "7"));
        using var client = new RetryingChatClient(inner, Options());

        Task<ChatResponse> call = client.GetResponseAsync("hello");
        Assert.True(await Eventually.HoldsAsync(() => inner.Calls == 1));
        _clock.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Delay(50);
        Assert.Equal(1, inner.Calls);
        _clock.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal("fine", (await call.WaitAsync(TimeSpan.FromSeconds(10))).Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_ServerErrors_BacksOffExponentially()
    {
        var inner = new ScriptedChatClient("fine").FailFirst(FakeResponses.Error(500), FakeResponses.Error(503));
        using var client = new RetryingChatClient(inner, Options());

        Task<ChatResponse> call = client.GetResponseAsync("hello");
        Assert.True(await Eventually.HoldsAsync(() => inner.Calls == 1));
        _clock.Advance(TimeSpan.FromSeconds(0.99));
        await Task.Delay(50);
        Assert.Equal(1, inner.Calls);
        _clock.Advance(TimeSpan.FromSeconds(0.01));
        Assert.True(await Eventually.HoldsAsync(() => inner.Calls == 2));
        _clock.Advance(TimeSpan.FromSeconds(1.99));
        await Task.Delay(50);
        Assert.Equal(2, inner.Calls);
        _clock.Advance(TimeSpan.FromSeconds(0.01));

        Assert.Equal("fine", (await call.WaitAsync(TimeSpan.FromSeconds(10))).Text);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_BadRequest_FailsAtOnceWithoutRetry()
    {
        var inner = new ScriptedChatClient("never").FailFirst(FakeResponses.Error(400));
        using var client = new RetryingChatClient(inner, Options());

        var error = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => client.GetResponseAsync("hello"));

        Assert.Equal(400, error.Status);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_NetworkFailureAndTimeout_AreRetried()
    {
        var inner = new ScriptedChatClient("fine").FailFirst(new HttpRequestException("connection reset"), new TimeoutException("slow"));
        using var client = new RetryingChatClient(inner, new ChatRetryOptions { BaseDelay = TimeSpan.Zero, UseJitter = false });

        ChatResponse response = await client.GetResponseAsync("hello");

        Assert.Equal("fine", response.Text);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_FailsEveryTime_GivesUpAfterMaxRetries()
    {
        var inner = new ScriptedChatClient("never").FailFirst(FakeResponses.Error(503), FakeResponses.Error(503), FakeResponses.Error(503), FakeResponses.Error(503));
        using var client = new RetryingChatClient(inner, new ChatRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => client.GetResponseAsync("hello"));

        Assert.Equal(503, error.Status);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_NoRetries_MakesOneAttempt()
    {
        var inner = new ScriptedChatClient("never").FailFirst(FakeResponses.Error(429));
        using var client = new RetryingChatClient(inner, new ChatRetryOptions { MaxRetryAttempts = 0 });

        await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => client.GetResponseAsync("hello"));

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancelsDuringBackoff_StopsWithoutRetry()
    {
        var inner = new ScriptedChatClient("never").FailFirst(FakeResponses.Error(429, retryAfter: "30"));
        using var client = new RetryingChatClient(inner, Options());
        using var cancellation = new CancellationTokenSource();

        Task<ChatResponse> call = client.GetResponseAsync("hello", cancellationToken: cancellation.Token);
        Assert.True(await Eventually.HoldsAsync(() => inner.Calls == 1));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailsBeforeFirstUpdate_IsRetried()
    {
        var inner = new ScriptedChatClient("streamed answer").FailFirst(FakeResponses.Error(502));
        using var client = new RetryingChatClient(inner, new ChatRetryOptions { BaseDelay = TimeSpan.Zero });

        var updates = new List<ChatResponseUpdate>();
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("hello"))
        {
            updates.Add(update);
        }

        Assert.Equal("streamed answer", updates.ToChatResponse().Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public void Constructor_InvalidDelays_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RetryingChatClient(new ScriptedChatClient(), new ChatRetryOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) }));
    }

    private ChatRetryOptions Options() => new() { BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false, MaxRetryAttempts = 3, TimeProvider = _clock };
}
