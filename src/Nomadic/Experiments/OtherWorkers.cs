using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Experiments;

/// <summary>
/// Follows the trials other workers hold in a shared storage: their running configurations are not proposed again,
/// configurations they abandoned are offered here, and their finished runs are recorded. Not thread-safe: the
/// experiment's lock guards it.
/// </summary>
internal sealed class OtherWorkers(IReadOnlyList<string> names, TrialBook trials, HashSet<ConfigurationKey> seen, OfferQueue offers)
{
    private readonly Dictionary<long, IReadOnlyDictionary<string, object?>> _running = [];

    /// <summary>Gets the configurations other workers are running, by stored trial id.</summary>
    public IReadOnlyDictionary<long, IReadOnlyDictionary<string, object?>> Running => _running;

    /// <summary>Gets a value indicating whether another worker started or finished a trial after this one started following.</summary>
    public bool WorkedAlongside { get; private set; }

    /// <summary>Applies the storage's changes.</summary>
    /// <param name="changes">The trials changed since the last call.</param>
    /// <param name="resuming">Whether these are the trials found when the experiment was created, not other workers' work.</param>
    /// <param name="finished">Records another worker's finished run (with its stored id) and shows it to the tuner.</param>
    public void Follow(IReadOnlyList<StoredTrial> changes, bool resuming, Action<RunResult, long> finished)
    {
        foreach (StoredTrial trial in changes.Where(t => !trials.IsOwn(t)))
        {
            ConfigurationKey key = ConfigurationKey.Of(names, trial.Params);
            WorkedAlongside |= !resuming && trial.State != TrialState.Abandoned;
            switch (trial.State)
            {
                case TrialState.Running:
                    _running[trial.Id] = trial.Params;
                    seen.Add(key);
                    break;
                case TrialState.Abandoned:
                    _running.Remove(trial.Id);
                    seen.Remove(key);
                    offers.Add(trial.Params, key, trial.IsBaseline);
                    break;
                default:
                    _running.Remove(trial.Id);
                    finished(trial.Run!, trial.Id);
                    break;
            }
        }
    }
}
