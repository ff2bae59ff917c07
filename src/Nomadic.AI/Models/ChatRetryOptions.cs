namespace Nomadic.AI.Models;

/// <summary>How <see cref="RetryingChatClient"/> retries rate-limited and transiently failing calls.</summary>
/// <remarks>
/// Retried: HTTP 408, 429 and 5xx answers, network failures (<see cref="HttpRequestException"/> without a status),
/// <see cref="TimeoutException"/> and request timeouts. Never retried: other 4xx answers (a bad request stays bad) and
/// cancellation by the caller. The delay doubles from <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>, with jitter;
/// a <c>Retry-After</c> header, when the error carries one, replaces it.
/// </remarks>
public sealed class ChatRetryOptions
{
    /// <summary>Gets the number of retries after the first attempt.</summary>
    /// <value>The default value is 4.</value>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>Gets the delay before the first retry; later ones double it.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest delay between two attempts, a <c>Retry-After</c> included.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets a value indicating whether delays are randomized so that concurrent callers do not retry in step.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseJitter { get; init; } = true;

    /// <summary>Gets the clock the delays are waited on (a fake one in tests).</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentException($"ChatRetryOptions.MaxRetryAttempts must be 0 or more, got {MaxRetryAttempts}.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentException($"ChatRetryOptions delays must satisfy 0 <= BaseDelay ({BaseDelay}) <= MaxDelay ({MaxDelay}).");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
