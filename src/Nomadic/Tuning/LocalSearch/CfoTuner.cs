using Nomadic.Results;
using Nomadic.Tuning.LocalSearch;

namespace Nomadic.Tuning;

/// <summary>
/// Cost-frugal optimization (CFO, Wu, Wang and Huang 2021, "Frugal Optimization for Cost-related Hyperparameters"), as
/// in FLAML: a randomized local search (FLOW²) that starts from a low-cost configuration, tries x + δu and x − δu along
/// random unit directions u of the normalized space, moves on improvement, halves its step δ after 2^(d−1) failed
/// directions in a row, and restarts from a point of a scrambled Halton design once δ is below its minimum.
/// </summary>
/// <remarks>
/// <para>
/// Every parameter is a coordinate of [0, 1] (log scale for log domains); integers, quantized floats and choices are
/// rounded to their values when proposed, a choice covering its values in the order given. The search starts at
/// <see cref="CfoOptions.StartPoint"/>, else at the <see cref="CfoOptions.LowCostPoint"/> values, else at the middle of
/// each numeric domain and the first value of each choice. Parameters declared with
/// <see cref="Tune.GridSearch{T}(T[])"/> cycle through their values as in <see cref="RandomTuner"/>.
/// </para>
/// <para>
/// With parallel workers the search hands out the mirrored direction and then new directions around the incumbent,
/// never a configuration running or finished. Failed and pruned runs count as no improvement. Runs the tuner did not
/// propose (a baseline, runs restored on resume) move the search when they beat its incumbent; a parameter missing
/// from such a run keeps the incumbent's value.
/// </para>
/// </remarks>
public sealed class CfoTuner : ITuner, IGridSearchFollower
{
    private const int Attempts = 64;
    private const int Restarts = 4;

    private readonly CfoOptions _options;
    private readonly LocalSearchSettings _settings;
    private System.Random _random = new(0);
    private Direction _direction;
    private SearchSpace? _space;
    private UnitSpace? _unitSpace;
    private ProposalLedger? _ledger;
    private LocalProposer? _proposer;
    private StartPoints? _starts;
    private GridSearchCycle? _grid;
    private LocalThread? _thread;

    /// <summary>Initializes a new instance of the <see cref="CfoTuner"/> class.</summary>
    /// <param name="options">The settings; by default <see cref="CfoOptions"/>' defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range.</exception>
    public CfoTuner(CfoOptions? options = null)
    {
        _options = options ?? new CfoOptions();
        _settings = _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "cfo";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _space = setup.SearchSpace;
        _direction = setup.Direction;
        _random = new System.Random(_options.Seed ?? setup.Seed);
        _unitSpace = new UnitSpace(_space);
        _ledger = new ProposalLedger(_space);
        _proposer = new LocalProposer(_unitSpace, _ledger);
        _starts = new StartPoints(_space, _unitSpace, _settings, _random);
        _grid = new GridSearchCycle(_space);
        _thread = _unitSpace.Dimension > 0 ? NewThread(_starts.First) : null;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProposalLedger ledger = _ledger ?? throw new InvalidOperationException("The tuner was not initialized.");
        if (ledger.TakeRejected(context) is { Thread: LocalThread rejected } withdrawn)
        {
            rejected.Progress.Withdrawn();
            rejected.Report(withdrawn.Version, withdrawn.Point, double.NaN);
        }

        IReadOnlyDictionary<string, object?> gridPoint = _grid!.Next();
        if (_space!.GridSize is long size && ledger.FinishedCount >= size)
        {
            return null;
        }

        HashSet<ConfigurationKey> busy = ledger.Busy(context);
        for (int restart = 0; _thread is not null && restart <= Restarts; restart++)
        {
            if (_thread.IsConverged)
            {
                _thread.IsAlive = false;
                _thread = NewThread(_starts!.Next());
            }

            if (_proposer!.Propose(_thread, busy, gridPoint, Attempts) is { } configuration)
            {
                return configuration;
            }

            if (!_thread.IsConverged)
            {
                break;
            }
        }

        // Every configuration near the incumbent is taken: a design point keeps the experiment going.
        return _starts!.Fallback(_unitSpace!, ledger, busy, gridPoint);
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ProposalLedger ledger = _ledger ?? throw new InvalidOperationException("The tuner was not initialized.");
        double value = RunValue.Of(run, _direction);
        Proposal? proposal = ledger.Finish(run, value);
        if (proposal?.Thread is LocalThread thread)
        {
            if (thread.IsAlive)
            {
                thread.Progress.Finished(value, RunValue.Cost(run));
                thread.Report(proposal.Version, proposal.Point, value);
            }
        }
        else if (_thread is not null && double.IsFinite(value))
        {
            _thread.Adopt(_unitSpace!.Encode(run.Params, _thread.Incumbent), value);
        }
    }

    private LocalThread NewThread(double[] start) =>
        new(_unitSpace!, start, double.PositiveInfinity, 0, _settings, _random);

    /// <inheritdoc />
    void IGridSearchFollower.FollowGridSearch(GridSearchCycle leader) => _grid = leader.Follower();
}
