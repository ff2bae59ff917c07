namespace Nomadic.Workspace.Client;

/// <summary>How a <see cref="WorkspaceClient"/> retries.</summary>
public sealed class WorkspaceClientOptions
{
    /// <summary>Gets how many times a call is retried after a network error, a timeout or a 408, 429 or 5xx answer.</summary>
    /// <value>The default value is 4.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxRetryAttempts
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    = 4;

    /// <summary>Gets the delay before the first retry; later ones double it, with jitter.</summary>
    /// <value>The default value is one second.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan BaseDelay
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    = TimeSpan.FromSeconds(1);

    /// <summary>Gets the clock the retry delays wait on.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
