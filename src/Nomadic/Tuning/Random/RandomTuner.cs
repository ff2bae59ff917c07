using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>
/// Random search: each parameter drawn independently and uniformly (on its own scale) from a seeded source, so the
/// same seed gives the same configurations. Parameters declared with <see cref="Tune.GridSearch{T}(T[])"/> are not drawn
/// but enumerated: the runs cycle through every combination of them in order, the others drawn at random.
/// </summary>
public sealed class RandomTuner : ITuner, IGridSearchFollower
{
    private readonly int? _seed;
    private System.Random? _random;
    private Domain[] _domains = [];
    private string[] _names = [];
    private GridSearchCycle? _grid;
    private bool[] _enumerated = [];

    /// <summary>Initializes a new instance of the <see cref="RandomTuner"/> class.</summary>
    /// <param name="seed">The seed; by default the experiment's seed.</param>
    public RandomTuner(int? seed = null)
    {
        _seed = seed;
    }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        SearchSpace space = setup.SearchSpace;
        _random = new System.Random(_seed ?? setup.Seed);
        _grid = new GridSearchCycle(space);
        _names = [.. space.Names];
        _enumerated = _names.Select(_grid.IsEnumerated).ToArray();
        _domains = _names.Select(n => space[n]).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        System.Random random = _random ?? throw new InvalidOperationException("The tuner was not initialized.");
        var configuration = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?> gridPoint = _grid!.Next();
        for (int i = 0; i < _names.Length; i++)
        {
            configuration[_names[i]] = _enumerated[i] ? gridPoint[_names[i]] : _domains[i].Sample(random);
        }

        return configuration;
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
    }

    /// <inheritdoc />
    void IGridSearchFollower.FollowGridSearch(GridSearchCycle leader) => _grid = leader.Follower();
}
