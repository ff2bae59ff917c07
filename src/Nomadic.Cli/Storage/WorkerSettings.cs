using Nomadic.Storage;

namespace Nomadic.Cli.Storage;

/// <summary>How this process takes part in a stored experiment.</summary>
/// <param name="Storage">The open storage the experiment lives in.</param>
/// <param name="WorkerId">This worker's id, or <see langword="null"/> for the library's default.</param>
/// <param name="Lease">How long a started run stays this worker's without a heartbeat.</param>
/// <param name="MaxConcurrent">Runs at a time in this process, or <see langword="null"/> for the experiment file's setting.</param>
internal sealed record WorkerSettings(IExperimentStorage Storage, string? WorkerId, TimeSpan Lease, int? MaxConcurrent)
{
    /// <summary>Gets a value indicating whether the experiment's failed runs are run again (<c>nomadic run</c> and <c>nomadic worker</c> without <c>--keep-failed</c>).</summary>
    public bool RetryFailedRuns { get; init; }

    /// <summary>Gets the results journal the experiment's runs are exported to (<c>nomadic run</c> with an experiment file declaring one), or <see langword="null"/>.</summary>
    public string? Journal { get; init; }

    /// <summary>Creates a worker id unique among processes and machines: the machine name, the process id and a random suffix.</summary>
    public static string DefaultWorkerId() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
