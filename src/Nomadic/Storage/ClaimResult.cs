namespace Nomadic.Storage;

/// <summary>The outcome of <see cref="IExperimentStorage.TryClaim"/>.</summary>
/// <param name="Status">Whether the trial started.</param>
/// <param name="TrialId">The new trial's id when claimed.</param>
/// <param name="Number">The new trial's number when claimed.</param>
public sealed record ClaimResult(ClaimStatus Status, long TrialId = 0, int Number = -1)
{
    /// <summary>Gets the result for a configuration another trial holds.</summary>
    public static ClaimResult Taken { get; } = new(ClaimStatus.Taken);

    /// <summary>Gets the result for an experiment at its trial limit.</summary>
    public static ClaimResult LimitReached { get; } = new(ClaimStatus.LimitReached);
}
