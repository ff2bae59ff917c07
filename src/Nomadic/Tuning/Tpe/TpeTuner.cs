using Nomadic.Results;
using Nomadic.Tuning.Tpe;

namespace Nomadic.Tuning;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011), after Optuna 3.1's <c>TPESampler</c>: the finished runs
/// are split into the best few and the rest, a density is fitted to each, and the candidate most likely under the
/// first relative to the second is proposed. The first runs are drawn at random.
/// </summary>
/// <remarks>
/// <para>
/// Float, integer (linear or log, with or without a step) and categorical domains are modelled; parameters declared
/// with <see cref="Tune.GridSearch{T}(T[])"/> are enumerated as <see cref="RandomTuner"/> does and the rest modelled.
/// Failed runs are left out of the model; pruned runs count as worse than every completed run. With
/// <see cref="TpeOptions.ConstantLiar"/>, configurations still running count as the worst of all.
/// </para>
/// <para>
/// With objectives besides the score (<see cref="TunerSetup.Objectives"/>) it is multi-objective TPE, as Optuna's
/// <c>TPESampler</c> on a study with several directions (MOTPE, Ozaki et al. 2022): the "below" group is filled with
/// whole fronts of the non-dominated sorting, best first, the front that does not fit is cut by greedy hypervolume
/// subset selection, and each member of the group is weighted by the hypervolume only it contributes. Runs missing an
/// objective's value rank with the pruned ones.
/// </para>
/// <para>
/// Conditional parameters (<see cref="Domain.Condition"/>) are modelled from the runs in which they exist: the
/// parameters under the same condition form a group with its own model, as Optuna's <c>group=True</c> does.
/// </para>
/// <para>
/// The experiment rejects a configuration it has already seen and asks again; after two such rejections in a row the
/// tuner draws at random, so a small discrete space is still explored to its end.
/// </para>
/// </remarks>
public sealed class TpeTuner : ITuner, IGridSearchFollower
{
    private const int RejectionsBeforeRandom = 2;

    private readonly TpeOptions _options;
    private System.Random? _random;
    private SearchSpace? _searchSpace;
    private GridSearchCycle? _grid;
    private TpeModel[] _models = [];

    /// <summary>Initializes a new instance of the <see cref="TpeTuner"/> class.</summary>
    /// <param name="options">The settings; Optuna's defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public TpeTuner(TpeOptions? options = null)
    {
        _options = options ?? new TpeOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "tpe";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        SearchSpace space = setup.SearchSpace;
        _searchSpace = space;
        _random = new System.Random(_options.Seed ?? setup.Seed);
        _grid = new GridSearchCycle(space);

        // Parameters under the same condition exist in the same runs and share a model.
        _models = space.Names
            .GroupBy(name => ConditionChain(space, name), StringComparer.Ordinal)
            .Select(group => new TpeModel(new TpeSpace(space, group), _options, setup.Direction, setup.Objectives))
            .ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_searchSpace is null || _random is null || _grid is null)
        {
            throw new InvalidOperationException("The tuner was not initialized.");
        }

        IReadOnlyDictionary<string, object?> gridPoint = _grid.Next();
        var configuration = new Dictionary<string, object?>(_searchSpace.Count, StringComparer.Ordinal);
        foreach (string name in _searchSpace.Names)
        {
            configuration[name] = gridPoint.TryGetValue(name, out object? value) ? value : null;
        }

        bool drawAtRandom = context.RejectedSuggestions >= RejectionsBeforeRandom;
        foreach (TpeModel model in _models)
        {
            model.Propose(context, _random, drawAtRandom, configuration);
        }

        return configuration;
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (_searchSpace is null)
        {
            throw new InvalidOperationException("The tuner was not initialized.");
        }

        foreach (TpeModel model in _models)
        {
            model.Observe(run);
        }
    }

    private static string ConditionChain(SearchSpace space, string name)
    {
        var chain = new System.Text.StringBuilder();
        for (Domain domain = space[name]; domain.Condition is ParameterCondition condition; domain = space[condition.Parameter])
        {
            chain.Append(condition.Parameter).Append('\u0001');
            foreach (object? value in condition.Values)
            {
                chain.Append('\u0002').Append(ValueText.Format(value)).Append(value?.GetType().Name);
            }
        }

        return chain.ToString();
    }

    /// <inheritdoc />
    void IGridSearchFollower.FollowGridSearch(GridSearchCycle leader) => _grid = leader.Follower();
}
