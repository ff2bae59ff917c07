using Nomadic.Results;
using Nomadic.Tuning.QuasiRandom;

namespace Nomadic.Tuning;

/// <summary>
/// Quasi-random search: configurations from a scrambled Sobol sequence, each coordinate mapped onto one parameter
/// through <see cref="Domain.FromUnit"/>. The first 2^k runs split every parameter's range into 2^k equal parts and put
/// one run in each, so a budget is spread more evenly than by independent draws (random search), without a model.
/// </summary>
/// <remarks>
/// <para>
/// The scrambling (a random linear matrix scramble and digital shift) is seeded, so the same seed gives the same
/// configurations. Sobol direction numbers are built in for up to 21 parameters; a larger space uses a scrambled Halton
/// sequence instead. The even spread holds best for budgets that are powers of two.
/// </para>
/// <para>
/// Parameters declared with <see cref="Tune.GridSearch{T}(T[])"/> are not drawn but enumerated: the runs cycle through
/// every combination of them in order, as in <see cref="RandomTuner"/>.
/// </para>
/// </remarks>
public sealed class QuasiRandomTuner : ITuner, IGridSearchFollower
{
    private readonly int? _seed;
    private Func<double[]>? _nextPoint;
    private Domain[] _domains = [];
    private string[] _names = [];
    private GridSearchCycle? _grid;
    private bool[] _enumerated = [];

    /// <summary>Initializes a new instance of the <see cref="QuasiRandomTuner"/> class.</summary>
    /// <param name="seed">The seed of the scrambling; by default the experiment's seed.</param>
    public QuasiRandomTuner(int? seed = null)
    {
        _seed = seed;
    }

    /// <summary>Gets the most parameters drawn from the Sobol sequence; larger spaces use a scrambled Halton sequence.</summary>
    public static int MaxSobolDimension => SobolDirections.MaxDimension;

    /// <inheritdoc />
    public string Name => "sobol";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        SearchSpace space = setup.SearchSpace;
        _grid = new GridSearchCycle(space);
        _names = [.. space.Names];
        _domains = _names.Select(n => space[n]).ToArray();
        _enumerated = _names.Select(_grid.IsEnumerated).ToArray();

        var random = new System.Random(_seed ?? setup.Seed);
        int dimension = _grid.SampledNames.Count;
        _nextPoint = dimension <= MaxSobolDimension
            ? new SobolSequence(dimension, random).Next
            : new HaltonSequence(dimension, random).Next;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        Func<double[]> nextPoint = _nextPoint ?? throw new InvalidOperationException("The tuner was not initialized.");
        double[] point = nextPoint();
        var configuration = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?> gridPoint = _grid!.Next();
        int coordinate = 0;
        for (int i = 0; i < _names.Length; i++)
        {
            configuration[_names[i]] = _enumerated[i] ? gridPoint[_names[i]] : _domains[i].FromUnit(point[coordinate++]);
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
