using Nomadic.Tuning.Encoders;

namespace Nomadic.Tuning.LocalSearch;

/// <summary>
/// The normalized space a local search moves in: one coordinate in [0, 1] per parameter that is not enumerated by grid
/// search, decoded with <see cref="Domain.FromUnit"/> so every point stands for a configuration of the space.
/// </summary>
/// <remarks>
/// Numeric coordinates follow the domain's scale (log for log domains); integers and quantized floats move
/// continuously and are rounded to their grid when decoded. A categorical coordinate covers its values in the order
/// given, each an interval of width 1/n, as FLAML's normalized space does.
/// </remarks>
internal sealed class UnitSpace
{
    private readonly SearchSpace _space;
    private readonly Domain[] _domains;
    private readonly ParameterCoder[] _coders;
    private readonly string[] _names;

    /// <summary>Initializes a new instance of the <see cref="UnitSpace"/> class.</summary>
    /// <param name="space">The search space.</param>
    /// <exception cref="SearchSpaceException">A domain is of a kind the local search cannot represent.</exception>
    public UnitSpace(SearchSpace space)
    {
        _space = space;
        _names = GridSearchCycle.Sampled(space);
        _domains = _names.Select(n => space[n]).ToArray();
        _coders = _names.Select(n => ParameterCoder.For(n, space[n])).ToArray();
        HasContinuous = _domains.Any(d => d is FloatDomain { Step: null });
    }

    /// <summary>Gets the names of the coordinates, in the space's order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Gets the number of coordinates.</summary>
    public int Dimension => _domains.Length;

    /// <summary>Gets a value indicating whether some coordinate is a continuous float.</summary>
    public bool HasContinuous { get; }

    /// <summary>Finds the coordinate of a parameter.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The coordinate's index, or -1 for a grid-search parameter or an unknown name.</returns>
    public int IndexOf(string name) => Array.IndexOf(_names, name);

    /// <summary>Gets the coordinate of a parameter's value.</summary>
    /// <param name="index">The coordinate.</param>
    /// <param name="value">A value; numbers outside the domain are clamped to it.</param>
    /// <returns>The coordinate, or <see cref="double.NaN"/> when the value cannot be represented.</returns>
    public double Coordinate(int index, object? value)
    {
        if (!_coders[index].TryEncode(value, out double coordinate))
        {
            return double.NaN;
        }

        return _coders[index].ToUnit(coordinate);
    }

    /// <summary>Encodes a configuration; a parameter missing or not representable takes the fallback's coordinate.</summary>
    /// <param name="configuration">Values by parameter name.</param>
    /// <param name="fallback">The coordinates to impute.</param>
    /// <returns>A new point.</returns>
    public double[] Encode(IReadOnlyDictionary<string, object?> configuration, double[] fallback)
    {
        var point = new double[Dimension];
        for (int j = 0; j < point.Length; j++)
        {
            double coordinate = configuration.TryGetValue(Names[j], out object? value) ? Coordinate(j, value) : double.NaN;
            point[j] = double.IsNaN(coordinate) ? fallback[j] : coordinate;
        }

        return point;
    }

    /// <summary>Decodes a point into a configuration of the whole space.</summary>
    /// <param name="point">The coordinates; values outside [0, 1] are clamped.</param>
    /// <param name="gridPoint">The values of the grid-search parameters.</param>
    /// <returns>A new configuration with a value for every parameter of the space.</returns>
    public Dictionary<string, object?> Decode(double[] point, IReadOnlyDictionary<string, object?> gridPoint)
    {
        var configuration = new Dictionary<string, object?>(_space.Count, StringComparer.Ordinal);
        int j = 0;
        foreach (string name in _space.Names)
        {
            configuration[name] = _space[name].IsExhaustive
                ? gridPoint.TryGetValue(name, out object? value) ? value : null
                : _domains[j].FromUnit(point[j++]);
        }

        return configuration;
    }

    /// <summary>Gets the centre of the space: the middle of every numeric domain and the first value of every choice.</summary>
    /// <returns>A new point.</returns>
    public double[] Centre() =>
        _coders.Select(c => c.IsCategorical ? c.ToUnit(0) : 0.5).ToArray();

    /// <summary>
    /// Gets the smallest step worth taking from <paramref name="point"/>: FLAML's bound, the finest resolution of the
    /// discrete coordinates times √d, or <paramref name="minimum"/> when a continuous coordinate needs fine steps.
    /// </summary>
    /// <param name="point">The incumbent, whose values set the resolution of log-scaled integers.</param>
    /// <param name="minimum">The smallest step of a continuous space.</param>
    /// <returns>The bound.</returns>
    public double StepLowerBound(double[] point, double minimum)
    {
        if (HasContinuous || Dimension == 0)
        {
            return minimum;
        }

        double finest = 1.0;
        for (int j = 0; j < Dimension; j++)
        {
            finest = Math.Min(finest, Resolution(j, point[j]));
        }

        return Math.Max(minimum, finest * Math.Sqrt(Dimension));
    }

    // The width of a value's interval of unit coordinates, which a move must roughly cover to change the value.
    private double Resolution(int index, double coordinate) => _domains[index] switch
    {
        IntDomain { IsLog: true } integer => LogResolution(integer.Step ?? 1, Value(index, coordinate), integer.Low, integer.Step is null ? integer.High : integer.MaxValue + 0.5),
        FloatDomain { IsLog: true, Step: double q } quantized => LogResolution(q, Value(index, coordinate), quantized.Low, quantized.High),
        IntDomain integer => 1.0 / integer.Count,
        FloatDomain { Count: long count } => 1.0 / count,
        ChoiceDomain choice => 1.0 / choice.Values.Count,
        _ => 1.0,
    };

    private double Value(int index, double coordinate) =>
        ParamValue.TryGetDouble(_domains[index].FromUnit(coordinate), out double value) ? value : double.NaN;

    private static double LogResolution(double step, double value, double low, double high)
    {
        double resolution = Math.Log(1.0 + (step / Math.Max(value, low))) / Math.Log(high / low);
        return double.IsFinite(resolution) && resolution > 0 ? Math.Min(resolution, 1.0) : 1.0;
    }
}
