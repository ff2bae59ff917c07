using System.Net;
using Nomadic.AI.Models;

namespace Nomadic.AI.Tests.Models;

public class TransientErrorsTests
{
    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void IsTransient_ClientResultStatus_RetriesRateLimitsAndServerErrors(int status, bool expected)
    {
        Assert.Equal(expected, TransientErrors.IsTransient(FakeResponses.Error(status), CancellationToken.None));
    }

    [Fact]
    public void IsTransient_HttpRequestException_ByStatus()
    {
        Assert.True(TransientErrors.IsTransient(new HttpRequestException("down"), CancellationToken.None));
        Assert.True(TransientErrors.IsTransient(new HttpRequestException("busy", null, HttpStatusCode.TooManyRequests), CancellationToken.None));
        Assert.False(TransientErrors.IsTransient(new HttpRequestException("no", null, HttpStatusCode.Forbidden), CancellationToken.None));
    }

    [Fact]
    public void IsTransient_Cancellation_OnlyWhenNotTheCallers()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(TransientErrors.IsTransient(new TaskCanceledException("request timeout"), CancellationToken.None));
        Assert.False(TransientErrors.IsTransient(new OperationCanceledException(), cancelled.Token));
        Assert.False(TransientErrors.IsTransient(new InvalidOperationException(), CancellationToken.None));
    }

    [Fact]
    public void RetryAfter_SecondsOrHttpDate_ReadAsDelay()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(2.5), TransientErrors.RetryAfter(FakeResponses.Error(429, "2.5"), now));
        Assert.Equal(TimeSpan.FromSeconds(90), TransientErrors.RetryAfter(FakeResponses.Error(429, "Wed, 01 Jan 2025 12:01:30 GMT"), now));
        Assert.Null(TransientErrors.RetryAfter(FakeResponses.Error(429), now));
        Assert.Null(TransientErrors.RetryAfter(new TimeoutException(), now));
    }
}
