using Nomadic.Results;
using Nomadic.Tuning.LocalSearch;

namespace Nomadic.Tuning;

/// <summary>
/// BlendSearch (Wang, Wu, Huang and Wang 2021, "Economical Hyperparameter Optimization with Blended Search Strategy",
/// ICLR), as in FLAML: a global model-based tuner proposes start points, local searches (the FLOW² search of
/// <see cref="CfoTuner"/>, Wu, Wang and Huang 2021) refine them, and each suggestion goes to whichever search has the
/// highest priority.
/// </summary>
/// <remarks>
/// <para>
/// The first configuration is the start point (<see cref="BlendSearchOptions.StartPoint"/>, else the low-cost values,
/// else the centre of the space). A finished configuration not proposed by a local search (from the global tuner, the
/// start point, a baseline or a resumed experiment) starts a new local search when there is none or it beats the median
/// of their best values. A search's priority is its best value projected forward at its speed (improvement per unit of
/// cost, the run's duration or one per run) over the smallest estimated cost for improvement of all searches; a search
/// without a speed yet borrows the fastest one, and ties go to the local search. A local search runs at most 2d
/// configurations at once. So with one worker the global tuner proposes mostly once local searches converge (or when
/// its own proposals improve faster than they do), and with parallel workers also whenever the local searches are busy.
/// </para>
/// <para>
/// A local search that converges is removed, and so is one whose incumbent comes within another's step of a better
/// incumbent; at most <see cref="BlendSearchOptions.MaxLocalSearches"/> are kept. Every finished run is passed to the
/// global tuner. FLAML also confines the global tuner to a region that grows from the low-cost point; this tuner does
/// not. Parameters declared with <see cref="Tune.GridSearch{T}(T[])"/> cycle through their values as in
/// <see cref="RandomTuner"/>, the global tuner's proposals included.
/// </para>
/// </remarks>
public sealed class BlendSearchTuner : ITuner, IGridSearchFollower
{
    private const int Attempts = 32;

    private readonly BlendSearchOptions _options;
    private readonly LocalSearchSettings _settings;
    private System.Random _random = new(0);
    private Direction _direction;
    private ITuner? _global;
    private SearchSpace? _space;
    private UnitSpace? _unitSpace;
    private ProposalLedger? _ledger;
    private LocalProposer? _proposer;
    private StartPoints? _starts;
    private GridSearchCycle? _grid;
    private SearchThreads? _threads;
    private ThreadProgress _globalProgress = new(double.PositiveInfinity, 0);
    private double _target = double.PositiveInfinity;
    private bool _startIssued;

    /// <summary>Initializes a new instance of the <see cref="BlendSearchTuner"/> class.</summary>
    /// <param name="options">The settings; by default <see cref="BlendSearchOptions"/>' defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range.</exception>
    public BlendSearchTuner(BlendSearchOptions? options = null)
    {
        _options = options ?? new BlendSearchOptions();
        _settings = _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "blendsearch";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        int seed = _options.Seed ?? setup.Seed;
        _space = setup.SearchSpace;
        _direction = setup.Direction;
        _random = new System.Random(seed);
        _unitSpace = new UnitSpace(_space);
        _ledger = new ProposalLedger(_space);
        _proposer = new LocalProposer(_unitSpace, _ledger);
        _starts = new StartPoints(_space, _unitSpace, _settings, _random);
        _grid = new GridSearchCycle(_space);
        _threads = new SearchThreads(_options.MaxLocalSearches, _unitSpace.Dimension);
        _globalProgress = new ThreadProgress(double.PositiveInfinity, 0);
        _target = double.PositiveInfinity;
        _startIssued = false;
        _global = _options.GlobalTuner ?? new TpeTuner(new TpeOptions { Seed = seed });
        _global.Initialize(new TunerSetup(_space, _direction, seed));
        (_global as IGridSearchFollower)?.FollowGridSearch(_grid);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProposalLedger ledger = _ledger ?? throw new InvalidOperationException("The tuner was not initialized.");
        Withdraw(ledger.TakeRejected(context));
        IReadOnlyDictionary<string, object?> gridPoint = _grid!.Next();
        if (_space!.GridSize is long size && ledger.FinishedCount >= size)
        {
            return null;
        }

        HashSet<ConfigurationKey> busy = ledger.Busy(context);
        if (!_startIssued && _unitSpace!.Dimension > 0)
        {
            _startIssued = true;
            Dictionary<string, object?> start = _unitSpace.Decode(_starts!.First, gridPoint);
            ConfigurationKey key = ledger.KeyOf(start);
            if (!busy.Contains(key) && !ledger.TryGetFinished(key, out _))
            {
                return Issue(start, key, _starts.First);
            }
        }

        var excluded = new List<LocalThread>();
        while (_threads!.Select(_globalProgress, _target, excluded) is LocalThread thread)
        {
            if (_proposer!.Propose(thread, busy, gridPoint, Attempts) is { } configuration)
            {
                return configuration;
            }

            if (thread.IsConverged)
            {
                _threads.Remove(thread);
            }
            else
            {
                excluded.Add(thread);
            }
        }

        return SuggestGlobally(context);
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ProposalLedger ledger = _ledger ?? throw new InvalidOperationException("The tuner was not initialized.");
        _global!.Observe(run);
        double value = RunValue.Of(run, _direction);
        double cost = RunValue.Cost(run);
        _target = value < _target ? value : _target;
        Proposal? proposal = ledger.Finish(run, value);
        if (proposal?.Thread is { IsAlive: true } thread)
        {
            thread.Progress.Finished(value, cost);
            thread.Report(proposal.Version, proposal.Point, value);
            _threads!.Settle(thread);
            return;
        }

        if (proposal is { Thread: null })
        {
            _globalProgress.Finished(value, cost);
        }

        if (double.IsFinite(value) && _unitSpace!.Dimension > 0)
        {
            _threads!.Consider(value, () => new LocalThread(_unitSpace, _unitSpace.Encode(run.Params, _starts!.First), value, cost, _settings, _random));
        }
    }

    /// <inheritdoc />
    void IGridSearchFollower.FollowGridSearch(GridSearchCycle leader)
    {
        _grid = leader.Follower();
        (_global as IGridSearchFollower)?.FollowGridSearch(_grid);
    }

    private Dictionary<string, object?> SuggestGlobally(TunerContext context)
    {
        IReadOnlyDictionary<string, object?>? proposed = _global!.Suggest(context);
        double[] point = proposed is null ? _starts!.Next() : _unitSpace!.Encode(proposed, _starts!.First);
        Dictionary<string, object?> configuration = proposed is null
            ? _unitSpace!.Decode(point, _grid!.Point)
            : new Dictionary<string, object?>(proposed, StringComparer.Ordinal);
        return Issue(configuration, _ledger!.KeyOf(configuration), point);
    }

    private Dictionary<string, object?> Issue(Dictionary<string, object?> configuration, ConfigurationKey key, double[] point)
    {
        _ledger!.Issue(key, new Proposal(null, 0, point));
        _globalProgress.Started();
        return configuration;
    }

    private void Withdraw(Proposal? proposal)
    {
        if (proposal?.Thread is LocalThread thread)
        {
            thread.Progress.Withdrawn();
            thread.Report(proposal.Version, proposal.Point, double.NaN);
        }
        else if (proposal is not null)
        {
            _globalProgress.Withdrawn();
        }
    }
}
