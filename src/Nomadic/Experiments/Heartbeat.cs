namespace Nomadic.Experiments;

/// <summary>Keeps a worker's stored trials claimed while they run: renews their leases every third of the lease.</summary>
internal static class Heartbeat
{
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
