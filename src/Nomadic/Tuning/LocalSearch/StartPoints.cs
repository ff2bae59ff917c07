using Nomadic.Tuning.QuasiRandom;

namespace Nomadic.Tuning.LocalSearch;

/// <summary>
/// Where local searches start: first the configured start point (each parameter from the start point, else its
/// low-cost value, else the centre of its domain), then, for restarts, the points of a scrambled Halton design.
/// </summary>
/// <remarks>
/// CFO starts at low cost so that expensive configurations are reached only if they pay off; restarts therefore stay
/// halfway between a parameter's low-cost value and the design point.
/// </remarks>
internal sealed class StartPoints
{
    private readonly double?[] _lowCost;
    private readonly HaltonSequence _design;

    /// <summary>Initializes a new instance of the <see cref="StartPoints"/> class.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="unitSpace">Its normalized space.</param>
    /// <param name="settings">The start and low-cost values.</param>
    /// <param name="random">The source of the design's scrambling.</param>
    /// <exception cref="SearchSpaceException">A start or low-cost value names no parameter of the space or lies outside its domain.</exception>
    public StartPoints(SearchSpace space, UnitSpace unitSpace, LocalSearchSettings settings, System.Random random)
    {
        double?[] start = Coordinates(space, unitSpace, settings.StartPoint, "start point");
        _lowCost = Coordinates(space, unitSpace, settings.LowCostPoint, "low-cost point");
        double[] centre = unitSpace.Centre();
        First = centre.Select((c, j) => start[j] ?? _lowCost[j] ?? c).ToArray();
        _design = new HaltonSequence(unitSpace.Dimension, random);
    }

    /// <summary>Gets the first start point.</summary>
    public double[] First { get; }

    /// <summary>Returns the next restart point.</summary>
    /// <returns>A new point of the unit cube.</returns>
    public double[] Next()
    {
        double[] point = _design.Next();
        for (int j = 0; j < point.Length; j++)
        {
            point[j] = _lowCost[j] is double cheap ? (cheap + point[j]) / 2 : point[j];
        }

        return point;
    }

    /// <summary>
    /// Hands out the first of the next design points that is neither finished nor busy (or the last one tried), for when
    /// the local searches have nothing new to propose.
    /// </summary>
    /// <param name="space">The normalized space.</param>
    /// <param name="ledger">The configurations handed out and finished; the returned one is recorded.</param>
    /// <param name="busy">The configurations not to propose.</param>
    /// <param name="gridPoint">The values of the grid-search parameters.</param>
    /// <returns>The configuration.</returns>
    public Dictionary<string, object?> Fallback(UnitSpace space, ProposalLedger ledger, HashSet<ConfigurationKey> busy, IReadOnlyDictionary<string, object?> gridPoint)
    {
        const int Tries = 64;
        for (int attempt = 1; ; attempt++)
        {
            double[] point = Next();
            Dictionary<string, object?> configuration = space.Decode(point, gridPoint);
            ConfigurationKey key = ledger.KeyOf(configuration);
            if (attempt == Tries || (!busy.Contains(key) && !ledger.TryGetFinished(key, out _)))
            {
                ledger.Issue(key, new Proposal(null, 0, point));
                return configuration;
            }
        }
    }

    private static double?[] Coordinates(SearchSpace space, UnitSpace unitSpace, IReadOnlyDictionary<string, object?>? values, string purpose)
    {
        var coordinates = new double?[unitSpace.Dimension];
        if (values is null)
        {
            return coordinates;
        }

        foreach ((string name, object? value) in values)
        {
            if (!space.TryGetValue(name, out Domain? domain))
            {
                throw new SearchSpaceException(name, $"is in the {purpose} but not in the search space");
            }

            if (!domain.Contains(value))
            {
                throw new SearchSpaceException(name, $"has the value {ParamValue.ToDisplayString(value)} in the {purpose}, outside {domain}");
            }

            int index = unitSpace.IndexOf(name);
            if (index >= 0)
            {
                coordinates[index] = unitSpace.Coordinate(index, value);
            }
        }

        return coordinates;
    }
}
