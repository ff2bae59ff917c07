using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// Starts trials: numbers them here, or claims them in the storage, which numbers them and refuses claims past the
/// run budget. Not thread-safe: the experiment's lock guards it.
/// </summary>
internal sealed class TrialLauncher(ExperimentOptions options, StorageSession? storage, TrialPruning? pruning)
{
    private int _nextNumber;

    /// <summary>Gets a value indicating whether the storage refused a claim because the run budget is spent.</summary>
    public bool LimitReached { get; private set; }

    /// <summary>Makes trial numbers start at <paramref name="next"/> or later (after restored trials).</summary>
    public void NumberFrom(int next) => _nextNumber = Math.Max(_nextNumber, next);

    /// <summary>Gets how many trials this experiment started (not counting those it restored).</summary>
    public int Started { get; private set; }

    /// <summary>Starts a trial of a configuration.</summary>
    /// <param name="parameters">The configuration, merged with the fixed parameters.</param>
    /// <param name="key">Its key.</param>
    /// <param name="isBaseline">Whether it is the experiment's current configuration.</param>
    /// <param name="peers">The finished runs its pruner judges it against, or <see langword="null"/> for those finished at each question.</param>
    /// <returns>The trial, or <see langword="null"/> when the storage gave the configuration to another worker or the budget is spent.</returns>
    public Trial? TryStart(Dictionary<string, object?> parameters, ConfigurationKey key, bool isBaseline, IReadOnlyList<RunResult>? peers)
    {
        TimeProvider time = options.TimeProvider;
        if (storage is null)
        {
            Started++;
            return new Trial(_nextNumber++, parameters, isBaseline, key, time.GetUtcNow(), time.GetTimestamp()) { Pruning = pruning, PeersAtStart = peers };
        }

        ClaimResult claim = storage.Claim(parameters, key, isBaseline, options.NumSamples);
        LimitReached |= claim.Status == ClaimStatus.LimitReached;
        Started += claim.Status == ClaimStatus.Claimed ? 1 : 0;
        return claim.Status == ClaimStatus.Claimed
            ? new Trial(claim.Number, parameters, isBaseline, key, time.GetUtcNow(), time.GetTimestamp()) { StorageId = claim.TrialId, Pruning = pruning, PeersAtStart = peers }
            : null;
    }
}
