namespace Nomadic.Storage;

/// <summary>Whether a claim started a trial.</summary>
public enum ClaimStatus
{
    /// <summary>The trial started.</summary>
    Claimed,

    /// <summary>A running or finished trial already has this configuration.</summary>
    Taken,

    /// <summary>The experiment already has its maximum number of trials.</summary>
    LimitReached,
}
