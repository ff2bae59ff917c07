using System.Collections.Concurrent;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>A real storage whose calls are counted by name, to check how often a page reads it.</summary>
internal sealed class CountingStorage(IExperimentStorage inner) : IExperimentStorage
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public string Location => inner.Location;

    /// <summary>Gets how many times a method was called since the last <see cref="Reset"/>.</summary>
    public int this[string method] => _calls.GetValueOrDefault(method);

    public void Reset() => _calls.Clear();

    public StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition) => Count(nameof(CreateOrOpenExperiment), () => inner.CreateOrOpenExperiment(definition));

    public StoredExperiment? FindExperiment(string name) => Count(nameof(FindExperiment), () => inner.FindExperiment(name));

    public StoredExperiment? FindExperiment(long id) => Count(nameof(FindExperiment), () => inner.FindExperiment(id));

    public IReadOnlyList<StoredExperiment> ListExperiments() => Count(nameof(ListExperiments), inner.ListExperiments);

    public IReadOnlyList<StoredExperimentSummary> ListExperimentSummaries() => Count(nameof(ListExperimentSummaries), inner.ListExperimentSummaries);

    public bool DeleteExperiment(string name) => Count(nameof(DeleteExperiment), () => inner.DeleteExperiment(name));

    public ClaimResult TryClaim(ClaimRequest request) => Count(nameof(TryClaim), () => inner.TryClaim(request));

    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt) =>
        Count(nameof(RenewLeases), () => inner.RenewLeases(experimentId, trialIds, workerId, leaseExpiresAt));

    public bool FinishTrial(long trialId, string workerId, RunResult run) => Count(nameof(FinishTrial), () => inner.FinishTrial(trialId, workerId, run));

    public void ReleaseTrial(long trialId, string workerId) => Count(nameof(ReleaseTrial), () =>
    {
        inner.ReleaseTrial(trialId, workerId);
        return true;
    });

    public int ExpireLeases(long experimentId, DateTimeOffset now) => Count(nameof(ExpireLeases), () => inner.ExpireLeases(experimentId, now));

    public int RetryFailedTrials(long experimentId) => Count(nameof(RetryFailedTrials), () => inner.RetryFailedTrials(experimentId));

    /// <summary>Gets the version the last <see cref="ReadTrials"/> read after.</summary>
    public long LastAfterVersion { get; private set; }

    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion)
    {
        LastAfterVersion = afterVersion;
        return Count(nameof(ReadTrials), () => inner.ReadTrials(experimentId, afterVersion));
    }

    public void Dispose() => inner.Dispose();

    private T Count<T>(string method, Func<T> call)
    {
        _calls.AddOrUpdate(method, 1, (_, count) => count + 1);
        return call();
    }
}
