namespace Nomadic.Experiments;

/// <summary>
/// A worker's timing: keeps its stored trials claimed while they run (renewing their leases every third of the lease),
/// and pauses while trials held elsewhere may come back.
/// </summary>
internal static class Heartbeat
{
    /// <summary>Waits one poll interval: other workers hold trials that may come back (their worker dies, their lease expires).</summary>
    /// <returns><see langword="false"/> when <paramref name="stop"/> was cancelled.</returns>
    public static async Task<bool> PauseAsync(TimeSpan interval, TimeProvider time, CancellationToken stop)
    {
        try
        {
            await Task.Delay(interval, time, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Renews the leases until <paramref name="stop"/> is cancelled; one renewal at a time, on no lock the workers hold.</summary>
    /// <param name="state">The experiment whose running trials are renewed.</param>
    /// <param name="options">The lease duration and the clock.</param>
    /// <param name="stop">Ends the heartbeat.</param>
    /// <returns>A task that completes when the heartbeat stops.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed heartbeat is retried on the next beat; the lease outlives two misses.")]
    public static async Task RunAsync(ExperimentState state, ExperimentOptions options, CancellationToken stop)
    {
        TimeSpan beat = options.LeaseDuration / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(beat, options.TimeProvider, stop).ConfigureAwait(false);
                await Task.Run(state.RenewLeases, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
            }
        }
    }
}
