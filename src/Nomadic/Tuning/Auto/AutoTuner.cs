using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>
/// The default model-based tuner: it picks among the others by the search space and the history, so users get a good
/// result without knowing the algorithms.
/// </summary>
/// <remarks>
/// <para>
/// With objectives besides the score, multi-objective <see cref="TpeTuner"/> proposes for the first
/// <see cref="AutoTunerOptions.MultiObjectiveTpeRuns"/> finished runs, the budgets at which it finds better fronts than
/// NSGA-II, then <see cref="NsgaIITuner"/>, which keeps improving the front where TPE stalls, its first parents the best
/// of TPE's runs. Otherwise, when the space is mostly numeric (at most half of its parameters are choices) and small
/// enough, a <see cref="GaussianProcessTuner"/> proposes while the history is short
/// (<see cref="AutoTunerOptions.GaussianProcessRuns"/>), with every <see cref="AutoTunerOptions.ExplorationInterval"/>-th
/// suggestion from TPE so the model does not settle in one basin; then <see cref="TpeTuner"/> takes over, whose cost per
/// suggestion stays low however long the history grows. When the run budget is known, its last
/// <see cref="AutoTunerOptions.RefinementShare"/> goes to a local search (<see cref="CfoTuner"/>) around the best
/// configuration. Every tuner learns from every finished run, so a switch loses nothing. Spaces dominated by choices go
/// to TPE from the start. Parameters declared with <see cref="Tune.GridSearch{T}(T[])"/> cycle through their values
/// once across all these tuners, whichever proposes.
/// </para>
/// <para>
/// The choices are measured on the functions of the Optuna benchmark suite in <c>bench/Nomadic.Bench.Quality</c>, and
/// for several objectives on ZDT1, ZDT2, DTLZ2 and a quality/cost problem in <c>bench/Nomadic.Bench.MultiObjective</c>.
/// </para>
/// </remarks>
public sealed class AutoTuner : ITuner, IGridSearchFollower
{
    private readonly AutoTunerOptions _options;
    private readonly List<ITuner> _tuners = [];
    private ITuner? _gp;
    private ITuner? _tpe;
    private ITuner? _refiner;
    private ITuner? _nsga;
    private GridSearchCycle? _grid;
    private int _refineFrom = int.MaxValue;
    private int _suggestions;
    private int _finished;

    /// <summary>Initializes a new instance of the <see cref="AutoTuner"/> class.</summary>
    /// <param name="options">The settings; defaults when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public AutoTuner(AutoTunerOptions? options = null)
    {
        _options = options ?? new AutoTunerOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "auto";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        TunerSetup own = _options.Seed is int seed ? setup with { Seed = seed } : setup;
        _tuners.Clear();
        _grid = new GridSearchCycle(setup.SearchSpace);
        _tpe = Add(new TpeTuner(), own);
        if (setup.Objectives.Count > 0)
        {
            _nsga = Add(new NsgaIITuner(), own);
            return;
        }

        int choices = setup.SearchSpace.Values.Count(d => d is ChoiceDomain);
        bool modelable = setup.SearchSpace.Count <= _options.GaussianProcessMaxDimension && choices * 2 <= setup.SearchSpace.Count;
        _gp = modelable && _options.GaussianProcessRuns > 0 ? Add(new GaussianProcessTuner(), own) : null;
        if (setup.Budget is int budget && _options.RefinementShare > 0 && !setup.SearchSpace.HasConditions)
        {
            _refiner = Add(new CfoTuner(new CfoOptions { InitialStepSize = _options.RefinementStepSize }), own);
            _refineFrom = budget - (int)Math.Ceiling(budget * _options.RefinementShare);
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_tuners.Count == 0)
        {
            throw new InvalidOperationException("The tuner was not initialized.");
        }

        int position = _suggestions++;
        _grid!.Next();
        ITuner chosen = _nsga is null ? Choose(context, position)
            : _finished < _options.MultiObjectiveTpeRuns ? _tpe! : _nsga;
        return chosen.Suggest(context) ?? (ReferenceEquals(chosen, _tpe) ? null : _tpe!.Suggest(context));
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _finished++;
        foreach (ITuner tuner in _tuners)
        {
            tuner.Observe(run);
        }
    }

    /// <inheritdoc />
    void IGridSearchFollower.FollowGridSearch(GridSearchCycle leader)
    {
        _grid = leader.Follower();
        foreach (ITuner tuner in _tuners)
        {
            ((IGridSearchFollower)tuner).FollowGridSearch(_grid);
        }
    }

    private ITuner Choose(TunerContext context, int position)
    {
        int started = _finished + context.RunningConfigurations.Count;
        if (_refiner is not null && started >= _refineFrom)
        {
            return _refiner;
        }

        bool explore = _options.ExplorationInterval > 0 && position % _options.ExplorationInterval == _options.ExplorationInterval - 1;
        return _gp is not null && _finished < _options.GaussianProcessRuns && !explore && context.RejectedSuggestions == 0 ? _gp : _tpe!;
    }

    private ITuner Add(ITuner tuner, TunerSetup setup)
    {
        tuner.Initialize(setup);
        ((IGridSearchFollower)tuner).FollowGridSearch(_grid!);
        _tuners.Add(tuner);
        return tuner;
    }
}
