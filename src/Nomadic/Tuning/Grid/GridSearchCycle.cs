namespace Nomadic.Tuning;

/// <summary>
/// The parameters declared with <see cref="Tune.GridSearch{T}(T[])"/>, which every tuner enumerates instead of drawing:
/// successive suggestions cycle through every combination of their values in order (the first parameter varying
/// slowest), and the tuner chooses only the other parameters.
/// </summary>
/// <remarks>
/// A tuner calls <see cref="Next"/> once per suggestion, takes the grid values from the point it returns and proposes the
/// parameters of <see cref="SampledNames"/> itself. Without grid-search parameters the point is always empty. A tuner
/// that asks other tuners for suggestions makes them follow its own cycle (<see cref="IGridSearchFollower"/>), so the
/// grid is enumerated once across all of them.
/// </remarks>
internal sealed class GridSearchCycle
{
    private readonly GridEnumerator? _grid;
    private readonly GridSearchCycle? _leader;
    private readonly Dictionary<string, object?> _point = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="GridSearchCycle"/> class.</summary>
    /// <param name="space">The search space.</param>
    /// <exception cref="SearchSpaceException">A grid-search parameter has too many values.</exception>
    public GridSearchCycle(SearchSpace space)
    {
        string[] enumerated = space.Where(p => p.Value.IsExhaustive).Select(p => p.Key).ToArray();
        _grid = enumerated.Length > 0 ? new GridEnumerator(space, enumerated, "grid search") : null;
        SampledNames = Sampled(space);
    }

    private GridSearchCycle(GridSearchCycle leader)
    {
        _leader = leader;
        SampledNames = leader.SampledNames;
    }

    /// <summary>Gets the names of the parameters the tuner chooses, in the space's order.</summary>
    public IReadOnlyList<string> SampledNames { get; }

    /// <summary>Gets the grid values of the current suggestion, by parameter name; empty before the first <see cref="Next"/>.</summary>
    public IReadOnlyDictionary<string, object?> Point => _leader?.Point ?? _point;

    /// <summary>Tells whether a parameter is enumerated by the cycle rather than chosen by the tuner.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns><see langword="true"/> for a grid-search parameter.</returns>
    public bool IsEnumerated(string name) => !SampledNames.Contains(name, StringComparer.Ordinal);

    /// <summary>Lists the parameters of a space a tuner chooses: all but the grid-search ones, in the space's order.</summary>
    /// <param name="space">The search space.</param>
    /// <returns>The names.</returns>
    public static string[] Sampled(SearchSpace space) => space.Names.Where(n => !space[n].IsExhaustive).ToArray();

    /// <summary>Returns a cycle that does not move by itself but always stands at this cycle's current point.</summary>
    /// <returns>The follower, for a tuner asked for suggestions by the owner of this cycle.</returns>
    public GridSearchCycle Follower() => new(this);

    /// <summary>Moves to the grid point of the next suggestion, wrapping around after the last; a follower stays at its leader's point.</summary>
    /// <returns>The grid values of the suggestion, by parameter name (the same dictionary as <see cref="Point"/>).</returns>
    public IReadOnlyDictionary<string, object?> Next()
    {
        if (_leader is not null)
        {
            return _leader.Point;
        }

        _grid?.NextCyclic(_point);
        return _point;
    }
}
