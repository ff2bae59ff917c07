using Nomadic.Results;

namespace Nomadic.Tuning;

/// <summary>
/// Grid search: every combination of the domains' values (the full cartesian product), the first parameter varying
/// slowest, each exactly once.
/// </summary>
/// <remarks>
/// Choice, grid and integer domains enumerate their values; a float domain only with a step
/// (<see cref="Tune.QUniform"/>); any other domain is rejected when the experiment is created. A conditional parameter
/// (<see cref="Domain.Condition"/>) varies only in the configurations where it exists.
/// </remarks>
public sealed class GridTuner : ITuner
{
    /// <summary>The largest number of values a single domain may contribute to a grid.</summary>
    public const int MaxValuesPerDomain = 10_000_000;

    private GridEnumerator? _grid;
    private SearchSpace? _space;

    /// <inheritdoc />
    public string Name => "grid";

    /// <inheritdoc />
    public void Initialize(TunerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _space = setup.SearchSpace;
        _grid = new GridEnumerator(setup.SearchSpace, setup.SearchSpace.Names, "grid search");
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? Suggest(TunerContext context)
    {
        GridEnumerator grid = _grid ?? throw new InvalidOperationException("The tuner was not initialized.");
        Dictionary<string, object?>? point = grid.Next();
        while (point is not null && _space!.HasConditions && !IsCanonical(point))
        {
            point = grid.Next();
        }

        return point;
    }

    // Of the grid points that differ only in parameters that do not exist there, only the one with their first values
    // is proposed, so each configuration of a conditional space comes once.
    private bool IsCanonical(Dictionary<string, object?> point)
    {
        foreach (string name in _space!.Names)
        {
            Domain domain = _space[name];
            if (domain.Condition is not null && !_space.IsActive(name, point) && !ParamValue.AreEqual(point[name], domain.Enumerate()[0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public void Observe(RunResult run)
    {
    }
}
