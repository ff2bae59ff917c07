namespace Nomadic.Storage;

/// <summary>
/// Persists experiments and their trials so experiments survive crashes and many workers can share one experiment.
/// </summary>
/// <remarks>
/// Implementations must be safe to call from several threads and processes at once. <see cref="TryClaim"/> is the
/// only way a trial starts: it is atomic, so a configuration is never claimed twice (unless its earlier trial was
/// abandoned) and an experiment never exceeds its trial limit. Every change to a trial gives it a new, larger
/// <see cref="StoredTrial.Version"/> within its experiment, so workers can follow each other with <see cref="ReadTrials"/>.
/// Implementations retry transient connection failures themselves and throw <see cref="StorageException"/> with a clear
/// message for everything else.
/// </remarks>
public interface IExperimentStorage : IDisposable
{
    /// <summary>Gets a description of where the data lives, safe to print (no password).</summary>
    string Location { get; }

    /// <summary>Creates the experiment, or opens the existing one of the same name after checking it matches.</summary>
    /// <param name="definition">The experiment's name, direction, search space and settings.</param>
    /// <returns>The stored experiment.</returns>
    /// <exception cref="StorageException">An experiment of that name exists with another search space or direction.</exception>
    StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition);

    /// <summary>Finds an experiment by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The experiment, or <see langword="null"/> when there is none of that name.</returns>
    StoredExperiment? FindExperiment(string name);

    /// <summary>Lists every experiment, oldest first.</summary>
    /// <returns>The experiments.</returns>
    IReadOnlyList<StoredExperiment> ListExperiments();

    /// <summary>Finds an experiment by its storage id.</summary>
    /// <remarks>
    /// The default lists every experiment to find the one; storages that can look an id up directly override it with
    /// one query.
    /// </remarks>
    /// <param name="id">The experiment's <see cref="StoredExperiment.Id"/>.</param>
    /// <returns>The experiment, or <see langword="null"/> when there is none of that id.</returns>
    StoredExperiment? FindExperiment(long id) => ListExperiments().FirstOrDefault(e => e.Id == id);

    /// <summary>Lists every experiment, oldest first, each with its trial counts and its best run, as a list of experiments shows them.</summary>
    /// <remarks>
    /// Called by front ends that list experiments (<c>nomadic ls</c>, the Workspace's list). The default reads every
    /// trial of every experiment; storages override it with one query whose cost does not grow with the number of runs
    /// read back. It must not change anything.
    /// </remarks>
    /// <returns>The summaries, in the order of <see cref="ListExperiments"/>.</returns>
    IReadOnlyList<StoredExperimentSummary> ListExperimentSummaries() =>
        ListExperiments().Select(e => StoredExperimentSummary.Of(e, ReadTrials(e.Id, 0))).ToList();

    /// <summary>Deletes an experiment and all its trials.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when an experiment was deleted.</returns>
    bool DeleteExperiment(string name);

    /// <summary>Atomically starts a trial for a configuration, unless the configuration is taken or the trial limit is reached.</summary>
    /// <param name="request">The configuration, its key, the worker and the lease.</param>
    /// <returns>The outcome; on success the new trial's id and number.</returns>
    ClaimResult TryClaim(ClaimRequest request);

    /// <summary>Extends the leases of running trials held by a worker.</summary>
    /// <param name="experimentId">The experiment.</param>
    /// <param name="trialIds">The worker's running trials.</param>
    /// <param name="workerId">The worker.</param>
    /// <param name="leaseExpiresAt">The new expiry.</param>
    /// <returns>The number of leases extended; fewer than asked when some trials were taken away.</returns>
    int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt);

    /// <summary>Records the outcome of a running trial held by the worker.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="workerId">The worker holding it.</param>
    /// <param name="run">The outcome (status, score, metadata, error, timing).</param>
    /// <returns><see langword="false"/> when the trial is no longer running under this worker (its lease expired); nothing is written then.</returns>
    bool FinishTrial(long trialId, string workerId, Results.RunResult run);

    /// <summary>Gives a running trial back unevaluated: it becomes abandoned and its configuration may be claimed again.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="workerId">The worker holding it.</param>
    void ReleaseTrial(long trialId, string workerId);

    /// <summary>Marks running trials whose lease expired before <paramref name="now"/> as abandoned.</summary>
    /// <param name="experimentId">The experiment.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The number of trials abandoned.</returns>
    int ExpireLeases(long experimentId, DateTimeOffset now);

    /// <summary>
    /// Gives the experiment's failed trials back so their configurations run again as new trials: each becomes
    /// <see cref="TrialState.Abandoned"/> (with a new version) in one atomic change.
    /// </summary>
    /// <remarks>
    /// Called when an experiment is run again after its failures' cause was fixed. Afterwards the failed trials no longer
    /// count toward <see cref="ClaimRequest.MaxTrials"/> nor hold their configurations, and <see cref="ReadTrials"/>
    /// returns them without a <see cref="StoredTrial.Run"/>, as every abandoned trial. It must not touch trials in any other state.
    /// </remarks>
    /// <param name="experimentId">The experiment.</param>
    /// <returns>The number of trials given back.</returns>
    int RetryFailedTrials(long experimentId);

    /// <summary>Reads the trials of an experiment changed after a version, in version order.</summary>
    /// <param name="experimentId">The experiment.</param>
    /// <param name="afterVersion">The last version already seen; 0 for all.</param>
    /// <returns>The trials whose <see cref="StoredTrial.Version"/> is greater, oldest change first.</returns>
    IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion);
}
