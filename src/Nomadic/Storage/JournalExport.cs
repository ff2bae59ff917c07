using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage;

/// <summary>
/// A storage whose experiment's runs are also written to a results journal, as an export: each run finished here is
/// appended as it finishes, and on disposal the runs finished elsewhere (earlier, or by other workers) are appended
/// at the end. Each configuration is written once (a failed one again when it runs again), also when other processes
/// of the same experiment and storage export to the same journal at the same time (the journal skips a trial one of
/// them already wrote). The runs live in the inner storage, which this does not dispose.
/// </summary>
internal sealed class JournalExport(IExperimentStorage inner, string path) : IExperimentStorage
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly HashSet<int> _failedWritten = [];
    private readonly Lock _gate = new();
    private ResultsJournal? _journal;
    private ExperimentDefinition? _definition;

    public string Location => inner.Location;

    /// <exception cref="ResultFormatException">The journal belongs to another experiment, or holds runs the storage does not.</exception>
    /// <exception cref="IOException">Another process writes the journal for something else.</exception>
    public StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition)
    {
        lock (_gate)
        {
            if (_journal is not null)
            {
                return inner.CreateOrOpenExperiment(definition);
            }

            var journal = ResultsJournal.Open(path, definition.Name, definition.Direction, definition.SearchSpace, ObjectiveSettings.Read(definition.Settings), inner.Location);
            try
            {
                _definition = definition;
                foreach (RunResult run in journal.ExistingRuns)
                {
                    Remember(run);
                }

                EnsureStored(journal, [.. (inner.LoadResult(definition.Name)?.RunResults ?? []).Select(Key)]);
                StoredExperiment stored = inner.CreateOrOpenExperiment(definition);
                _journal = journal;
                return stored;
            }
            catch
            {
                journal.Dispose();
                throw;
            }
        }
    }

    public StoredExperiment? FindExperiment(string name) => inner.FindExperiment(name);

    public IReadOnlyList<StoredExperiment> ListExperiments() => inner.ListExperiments();

    public bool DeleteExperiment(string name) => inner.DeleteExperiment(name);

    public ClaimResult TryClaim(ClaimRequest request) => inner.TryClaim(request);

    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt) =>
        inner.RenewLeases(experimentId, trialIds, workerId, leaseExpiresAt);

    public bool FinishTrial(long trialId, string workerId, RunResult run)
    {
        if (!inner.FinishTrial(trialId, workerId, run))
        {
            return false;
        }

        Append(run);
        return true;
    }

    public void ReleaseTrial(long trialId, string workerId) => inner.ReleaseTrial(trialId, workerId);

    public int ExpireLeases(long experimentId, DateTimeOffset now) => inner.ExpireLeases(experimentId, now);

    public int RetryFailedTrials(long experimentId) => inner.RetryFailedTrials(experimentId);

    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion) => inner.ReadTrials(experimentId, afterVersion);

    /// <summary>Appends the runs of the whole experiment the journal does not hold yet, then closes it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_journal is null)
            {
                return;
            }

            try
            {
                foreach (RunResult run in inner.LoadResult(_definition!.Name)?.RunResults ?? [])
                {
                    Append(run);
                }
            }
            finally
            {
                _journal.Dispose();
                _journal = null;
            }
        }
    }

    // Failed runs are not results: the storage gives them back when the experiment runs again.
    private void EnsureStored(ResultsJournal journal, HashSet<string> stored)
    {
        int missing = journal.ExistingRuns.Count(r => r.Status != RunStatus.Failed && !stored.Contains(Key(r)));
        if (missing > 0)
        {
            throw new ResultFormatException(
                journal.Path,
                $"holds {missing} runs that {inner.Location} does not (written before the experiment was kept there, or for another storage); " +
                "move the journal away to go on with the stored runs, or use the storage that holds them");
        }
    }

    private void Append(RunResult run)
    {
        lock (_gate)
        {
            if (_journal is not null && Remember(run))
            {
                _journal.Append(run);
            }
        }
    }

    // A configuration's failed run may be followed by another run of it (the failure given back and run again), so a
    // failed run is known by its number and a finished one by its configuration.
    private bool Remember(RunResult run) =>
        run.Status == RunStatus.Failed ? _failedWritten.Add(run.TrialNumber) : _written.Add(Key(run));

    private string Key(RunResult run) => ConfigurationKey.Of(_definition!.SearchSpace.Names, run.Params).ToText();
}
