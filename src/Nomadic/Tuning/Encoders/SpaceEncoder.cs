namespace Nomadic.Tuning.Encoders;

/// <summary>Turns configurations of a search space into points of the model's input space and back.</summary>
internal sealed class SpaceEncoder
{
    private readonly string[] _names;
    private readonly ParameterCoder[] _coders;
    private readonly double?[] _absent;
    private readonly SearchSpace _space;

    /// <summary>Initializes a new instance of the <see cref="SpaceEncoder"/> class.</summary>
    /// <param name="space">The search space.</param>
    /// <exception cref="SearchSpaceException">A domain is of a kind the model cannot represent.</exception>
    public SpaceEncoder(SearchSpace space)
    {
        _space = space;
        _names = [.. space.Names];
        _coders = _names.Select(n => ParameterCoder.For(n, space[n])).ToArray();
        IsCategorical = _coders.Select(c => c.IsCategorical).ToArray();

        // A conditional parameter missing from a run did not exist there; it is modelled at a fixed coordinate (its
        // domain's first value), as SMAC imputes inactive parameters with a default.
        _absent = _names.Select((n, j) => space[n].Condition is not null && _coders[j].TryEncode(space[n].FromUnit(0.0), out double c) ? c : (double?)null).ToArray();
    }

    /// <summary>Gets the number of coordinates, one per parameter.</summary>
    public int Dimension => _coders.Length;

    /// <summary>Gets the parameter names, in coordinate order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Gets the coder of each coordinate.</summary>
    public IReadOnlyList<ParameterCoder> Coders => _coders;

    /// <summary>Gets, for each coordinate, whether it is categorical.</summary>
    public IReadOnlyList<bool> IsCategorical { get; }

    /// <summary>Encodes a configuration.</summary>
    /// <param name="configuration">Values by parameter name.</param>
    /// <returns>The point, or <see langword="null"/> when an unconditional parameter is missing or a value cannot be represented.</returns>
    public double[]? Encode(IReadOnlyDictionary<string, object?> configuration)
    {
        var point = new double[_coders.Length];
        for (int j = 0; j < point.Length; j++)
        {
            if (!configuration.TryGetValue(_names[j], out object? value))
            {
                if (_absent[j] is not double absent)
                {
                    return null;
                }

                point[j] = absent;
            }
            else if (!_coders[j].TryEncode(value, out point[j]))
            {
                return null;
            }
        }

        return point;
    }

    /// <summary>
    /// Returns the point a configuration actually evaluates: coordinates of parameters that do not exist there set to
    /// their fixed coordinate, as in the observations. Unchanged when the space has no conditions.
    /// </summary>
    /// <param name="point">A point of the input space.</param>
    /// <returns>The point itself or a canonical copy.</returns>
    public double[] Canonical(double[] point) =>
        _absent.All(a => a is null) ? point : Encode(_space.Activate(Decode(point))) ?? point;

    /// <summary>Decodes a point into a configuration of the space.</summary>
    /// <param name="point">A point of the input space.</param>
    /// <returns>A new configuration with a value of its domain for every parameter.</returns>
    public Dictionary<string, object?> Decode(ReadOnlySpan<double> point)
    {
        var configuration = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
        for (int j = 0; j < _names.Length; j++)
        {
            configuration[_names[j]] = _coders[j].Decode(point[j]);
        }

        return configuration;
    }

    /// <summary>Maps a point of the unit cube to a valid point, so a uniform or quasi-random design samples the space.</summary>
    /// <param name="uniform">A point of [0, 1)^d.</param>
    /// <returns>A new point whose discrete coordinates stand for values.</returns>
    public double[] FromUniform(ReadOnlySpan<double> uniform)
    {
        var point = new double[_coders.Length];
        for (int j = 0; j < point.Length; j++)
        {
            point[j] = _coders[j].FromUniform(uniform[j]);
        }

        return point;
    }

    /// <summary>Overwrites the pinned coordinates of a point.</summary>
    /// <param name="point">The point, changed in place.</param>
    /// <param name="pinned">For each coordinate, the value it must have, or <see langword="null"/> to leave it.</param>
    /// <returns>The point.</returns>
    public static double[] Pin(double[] point, double?[] pinned)
    {
        for (int j = 0; j < point.Length; j++)
        {
            point[j] = pinned[j] ?? point[j];
        }

        return point;
    }
}
