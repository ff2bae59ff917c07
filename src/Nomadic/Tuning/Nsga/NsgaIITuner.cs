using Nomadic.Results;
using Nomadic.Tuning.Nsga;

namespace Nomadic.Tuning;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002), after Optuna's <c>NSGAIISampler</c>: a genetic algorithm for
/// several objectives (the score and the experiment's <see cref="TunerSetup.Objectives"/>) that evolves a population
/// toward the Pareto front. With the score alone it is a plain elitist genetic algorithm.
/// </summary>
/// <remarks>
/// <para>
/// The first generation is drawn at random. Finished runs form generations in the order they finish, each of
/// <see cref="NsgaIIOptions.PopulationSize"/> comparable runs; the parents are the best of the last generation and the
/// previous parents by non-dominated rank, then crowding distance. A child's parents are picked by binary tournament on
/// (rank, crowding distance), crossed over and mutated (see <see cref="NsgaIIOptions"/>). Failed and pruned runs, and
/// runs missing an objective's value, take no part.
/// </para>
/// <para>
/// Parameters declared with <see cref="Tune.GridSearch{T}(T[])"/> are enumerated as <see cref="RandomTuner"/> does.
/// After two rejected suggestions in a row (configurations already evaluated) the tuner draws at random, so a small
/// discrete space is still explored to its end.
/// </para>
/// </remarks>
public sealed class NsgaIITuner : ITuner, IGridSearchFollower
{
    private const int RejectionsBeforeRandom = 2;

    private readonly NsgaIIOptions _options;
    private System.Random? _random;
    private string[] _names = [];
    private Domain[] _domains = [];
    private GridSearchCycle? _grid;
    private bool[] _enumerated = [];
    private NsgaPopulation? _population;
    private NsgaVariation? _variation;

    /// <summary>Initializes a new instance of the <see cref="NsgaIITuner"/> class.</summary>
    /// <param name="options">The settings; Optuna's defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public NsgaIITuner(NsgaIIOptions? options = null)
    {
        _options = options ?? new NsgaIIOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "nsga2";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        SearchSpace space = setup.SearchSpace;
        _random = new System.Random(_options.Seed ?? setup.Seed);
        _names = [.. space.Names];
        _domains = [.. _names.Select(n => space[n])];
        _grid = new GridSearchCycle(space);
        _enumerated = [.. _names.Select(_grid.IsEnumerated)];
        _population = new NsgaPopulation(_options.PopulationSize, setup.Direction, setup.Objectives);
        _variation = new NsgaVariation(space, _grid.SampledNames, _options, setup.Objectives.Count > 0);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_random is null || _population is null || _variation is null || _grid is null)
        {
            throw new InvalidOperationException("The tuner was not initialized.");
        }

        var configuration = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?> gridPoint = _grid.Next();
        if (_population.HasParents && context.RejectedSuggestions < RejectionsBeforeRandom)
        {
            RunResult first = _population.Tournament(_random);
            RunResult second = _population.Tournament(_random);
            _variation.Breed(first.Params, second.Params, _random, configuration);
        }

        for (int i = 0; i < _names.Length; i++)
        {
            if (_enumerated[i])
            {
                configuration[_names[i]] = gridPoint[_names[i]];
            }
            else if (!configuration.ContainsKey(_names[i]))
            {
                configuration[_names[i]] = _domains[i].Sample(_random);
            }
        }

        return configuration;
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _population?.Add(run);
    }

    /// <inheritdoc />
    void IGridSearchFollower.FollowGridSearch(GridSearchCycle leader) => _grid = leader.Follower();
}
