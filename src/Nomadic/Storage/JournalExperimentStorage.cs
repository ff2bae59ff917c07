using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Storage;

/// <summary>
/// An <see cref="IExperimentStorage"/> in a results journal file (JSON lines, see <see cref="ResultsJournal"/>): it
/// replays the runs the file holds when the experiment is opened and appends a line for each trial that finishes, so
/// a crash loses no finished run (Optuna's <c>JournalStorage</c>). <see cref="Experiments.ExperimentOptions.JournalPath"/>
/// is a shorthand for it.
/// </summary>
/// <remarks>
/// <para>
/// A journal holds one experiment, whatever name it is opened under, and one process writes it: the file is opened
/// by the first <see cref="CreateOrOpenExperiment"/> and stays locked until the storage is disposed; opening it
/// elsewhere meanwhile is refused with an <see cref="IOException"/>. Running trials (claims and leases) live in
/// memory only: the file keeps finished runs, so a trial in progress when the process ends is run again.
/// </para>
/// <para>
/// Opening replays the journal as an experiment resuming from it sees it: a failed run superseded by a later run of
/// its configuration is left out, and new trials are numbered after every run the file holds. A last line torn by a
/// crash is dropped. Journals written by earlier versions open as they are.
/// </para>
/// </remarks>
public sealed class JournalExperimentStorage : IExperimentStorage
{
    private const string ReplayWorker = "journal";
    private readonly Lock _gate = new();
    private readonly InMemoryExperimentStorage _memory = new();
    private ResultsJournal? _journal;
    private string? _name;

    /// <summary>Initializes a new instance of the <see cref="JournalExperimentStorage"/> class; the file is opened (or created) by <see cref="CreateOrOpenExperiment"/>.</summary>
    /// <param name="path">The journal file.</param>
    public JournalExperimentStorage(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>Gets the journal file's path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Location => Path;

    /// <inheritdoc />
    /// <exception cref="ResultFormatException">The file is not a journal, or one written for another search space, direction or objectives.</exception>
    /// <exception cref="IOException">Another process (or storage) has the journal open.</exception>
    /// <exception cref="StorageException">The journal is open for another experiment name in this storage.</exception>
    public StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (_journal is not null)
            {
                return definition.Name == _name
                    ? _memory.CreateOrOpenExperiment(definition)
                    : throw new StorageException($"{Path}: holds experiment '{_name}'; a results journal holds one experiment, choose another journal path for '{definition.Name}'");
            }

            ResultsJournal journal = ResultsJournal.Open(Path, definition.Name, definition.Direction, definition.SearchSpace, ObjectiveSettings.Read(definition.Settings));
            StoredExperiment stored = _memory.CreateOrOpenExperiment(definition);
            IReadOnlyList<string> names = definition.SearchSpace.Names;
            var replay = JournalResume.Of(journal.ExistingRuns, names, retryFailed: false);
            _memory.Restore(stored.Id, replay.Kept.Select(r => (ConfigurationKey.Of(names, r.Params).ToText(), r)), replay.NextNumber, ReplayWorker);
            (_journal, _name) = (journal, definition.Name);
            return _memory.FindExperiment(definition.Name)!;
        }
    }

    /// <inheritdoc />
    public StoredExperiment? FindExperiment(string name) => _memory.FindExperiment(name);

    /// <inheritdoc />
    public IReadOnlyList<StoredExperiment> ListExperiments() => _memory.ListExperiments();

    /// <inheritdoc />
    /// <remarks>Deleting the journal's experiment deletes the file.</remarks>
    public bool DeleteExperiment(string name)
    {
        lock (_gate)
        {
            if (_journal is null || name != _name)
            {
                return false;
            }

            _journal.Dispose();
            File.Delete(Path);
            (_journal, _name) = (null, null);
            return _memory.DeleteExperiment(name);
        }
    }

    /// <inheritdoc />
    public ClaimResult TryClaim(ClaimRequest request) => _memory.TryClaim(request);

    /// <inheritdoc />
    public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt) =>
        _memory.RenewLeases(experimentId, trialIds, workerId, leaseExpiresAt);

    /// <inheritdoc />
    /// <exception cref="StorageException">The run could not be appended to the journal (e.g. the file was deleted).</exception>
    public bool FinishTrial(long trialId, string workerId, RunResult run)
    {
        lock (_gate)
        {
            if (_memory.Finish(trialId, workerId, run) is not RunResult recorded)
            {
                return false;
            }

            try
            {
                _journal!.Append(recorded);
                return true;
            }
            catch (IOException e)
            {
                throw new StorageException($"{Path}: run {recorded.TrialNumber} could not be appended: {e.Message.TrimEnd('.')}", e);
            }
        }
    }

    /// <inheritdoc />
    public void ReleaseTrial(long trialId, string workerId) => _memory.ReleaseTrial(trialId, workerId);

    /// <inheritdoc />
    public int ExpireLeases(long experimentId, DateTimeOffset now) => _memory.ExpireLeases(experimentId, now);

    /// <inheritdoc />
    /// <remarks>The failed runs' lines stay in the file; the later runs of their configurations supersede them.</remarks>
    public int RetryFailedTrials(long experimentId) => _memory.RetryFailedTrials(experimentId);

    /// <inheritdoc />
    public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion) => _memory.ReadTrials(experimentId, afterVersion);

    /// <summary>Closes the journal, letting other processes open it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _journal?.Dispose();
            _journal = null;
        }
    }
}
