namespace Nomadic.Storage;

/// <summary>The state of a stored trial.</summary>
public enum TrialState
{
    /// <summary>Claimed by a worker that holds its lease.</summary>
    Running,

    /// <summary>Finished with a score.</summary>
    Completed,

    /// <summary>Finished with an error.</summary>
    Failed,

    /// <summary>Stopped early.</summary>
    Pruned,

    /// <summary>Given back, lost with its worker, or failed and given back to run again; its configuration may be claimed again.</summary>
    Abandoned,
}
