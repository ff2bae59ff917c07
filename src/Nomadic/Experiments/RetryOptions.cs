namespace Nomadic.Experiments;

/// <summary>How an experiment retries a run whose objective threw a transient error (rate limits, network failures).</summary>
/// <remarks>Retries use exponential backoff with jitter (Polly); each attempt gets the full trial timeout.</remarks>
public sealed class RetryOptions
{
    /// <summary>Gets the number of retries after the first attempt.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Gets the delay before the first retry; later ones double it.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest delay between two attempts.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the test deciding whether an exception is transient and worth a retry.</summary>
    /// <value>The default retries every exception except cancellation of the experiment.</value>
    public Func<Exception, bool> ShouldRetry { get; init; } = _ => true;

    internal void Validate()
    {
        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentException($"RetryOptions.MaxRetryAttempts must be 0 or more, got {MaxRetryAttempts}.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentException($"RetryOptions delays must satisfy 0 <= BaseDelay ({BaseDelay}) <= MaxDelay ({MaxDelay}).");
        }

        ArgumentNullException.ThrowIfNull(ShouldRetry, nameof(ShouldRetry));
    }
}
