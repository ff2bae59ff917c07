namespace Nomadic.Cli.Tests.Support;

/// <summary>Waits for a condition another process brings about, checking it every few milliseconds.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits until <paramref name="probe"/> returns a value, and returns it.</summary>
    /// <exception cref="TimeoutException">It did not within <paramref name="timeout"/>; the message says what was awaited.</exception>
    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan timeout, string what)
        where T : class
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is T value)
            {
                return value;
            }

            await Task.Delay(Interval);
        }

        throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}");
    }
}
