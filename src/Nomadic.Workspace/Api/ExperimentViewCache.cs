using Nomadic.Storage;

namespace Nomadic.Workspace.Api;

/// <summary>
/// Keeps the experiments last opened in memory, each with its trials and the view built from them, so a page or plot
/// asked for again reads only the trials changed since (<see cref="IExperimentStorage.ReadTrials"/> after the newest
/// version held) and, when none changed, returns the very same view: the importance and plots derived from its result
/// (<see cref="ResultDerivations"/>) are then not computed again. A new or finished run changes the version, so a
/// refreshed page always shows it.
/// </summary>
/// <remarks>
/// Bounded by the trials held: least recently used experiments are dropped once more than
/// <see cref="DefaultMaxTrials"/> trials are held in all, though the experiment just opened is always kept.
/// </remarks>
internal sealed class ExperimentViewCache(IExperimentStorage storage, int maxTrials = ExperimentViewCache.DefaultMaxTrials)
{
    /// <summary>The most trials held in all: twenty experiments of 10,000 runs, or one of 200,000.</summary>
    public const int DefaultMaxTrials = 200_000;

    private readonly LinkedList<Entry> _recent = new();
    private readonly Dictionary<long, LinkedListNode<Entry>> _byId = [];
    private readonly Lock _lock = new();

    /// <summary>Gets how many experiments are held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Returns the experiment's view, read from the storage only as far as its trials changed since the last call.</summary>
    public ExperimentView View(StoredExperiment stored)
    {
        Entry entry = Take(stored);
        ExperimentView view;
        lock (entry)
        {
            view = entry.Refresh(storage, stored);
        }

        Trim();
        return view;
    }

    private Entry Take(StoredExperiment stored)
    {
        lock (_lock)
        {
            if (_byId.TryGetValue(stored.Id, out LinkedListNode<Entry>? node) && node.Value.IsOf(stored))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value;
            }

            if (node is not null)
            {
                Drop(node);
            }

            var entry = new Entry(stored.Id, stored.Name, stored.CreatedAt);
            _byId[stored.Id] = _recent.AddFirst(entry);
            return entry;
        }
    }

    private void Trim()
    {
        lock (_lock)
        {
            long held = _recent.Sum(e => (long)e.Held);
            while (held > maxTrials && _recent.Count > 1)
            {
                held -= _recent.Last!.Value.Held;
                Drop(_recent.Last);
            }
        }
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _byId.Remove(node.Value.Id);
    }

    /// <summary>One experiment's trials by id, the newest version among them and the view last built.</summary>
    private sealed class Entry(long id, string name, DateTimeOffset createdAt)
    {
        private readonly Dictionary<long, StoredTrial> _trials = [];
        private long _version;
        private int _held;
        private ExperimentView? _view;

        public long Id => id;

        /// <summary>Gets how many trials it holds, as of its last refresh.</summary>
        public int Held => Volatile.Read(ref _held);

        // An experiment deleted and another created under the same id is another experiment.
        public bool IsOf(StoredExperiment stored) => stored.Name == name && stored.CreatedAt == createdAt;

        public ExperimentView Refresh(IExperimentStorage storage, StoredExperiment stored)
        {
            IReadOnlyList<StoredTrial> changed = storage.ReadTrials(stored.Id, _version);
            if (_view is not null && changed.Count == 0)
            {
                return _view;
            }

            foreach (StoredTrial trial in changed)
            {
                _trials[trial.Id] = trial;
                _version = Math.Max(_version, trial.Version);
            }

            Volatile.Write(ref _held, _trials.Count);
            _view = ExperimentView.From(storage, stored, _trials.Values);
            return _view;
        }
    }
}
