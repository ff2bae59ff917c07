namespace Nomadic.Tuning.Encoders;

/// <summary>
/// Codes a domain of evenly spaced numbers (an integer domain, or a float domain with a step): the model treats the
/// coordinate as continuous, but every coordinate this coder hands out stands for exactly one grid value.
/// </summary>
internal sealed class GridCoder : ParameterCoder
{
    // Optuna's GP sampler searches an integer's values exhaustively up to this many and by line search beyond.
    private const int ExhaustiveLimit = 16;

    private readonly Domain _domain;
    private readonly double _first;
    private readonly double _step;
    private readonly long _count;

    /// <summary>Initializes a new instance of the <see cref="GridCoder"/> class for an integer domain.</summary>
    /// <param name="domain">The domain.</param>
    public GridCoder(IntDomain domain)
    {
        _domain = domain;
        _first = domain.MinValue;
        _step = domain.Step ?? 1;
        _count = domain.Count;
    }

    /// <summary>Initializes a new instance of the <see cref="GridCoder"/> class for a float domain with a step.</summary>
    /// <param name="domain">The domain; its step is set.</param>
    public GridCoder(FloatDomain domain)
    {
        _domain = domain;
        _step = domain.Step!.Value;
        _first = Number(domain.FromUnit(0));
        _count = (long)Math.Round((Number(domain.FromUnit(1)) - _first) / _step) + 1;
    }

    /// <inheritdoc />
    public override bool TryEncode(object? value, out double coordinate)
    {
        if (!ParamValue.TryGetDouble(value, out double x) || double.IsNaN(x))
        {
            coordinate = 0;
            return false;
        }

        coordinate = Coordinate(IndexOf(x));
        return true;
    }

    /// <inheritdoc />
    public override object? Decode(double coordinate) => _domain.FromUnit(coordinate);

    /// <inheritdoc />
    public override double FromUniform(double uniform) => Coordinate(IndexOf(Number(_domain.FromUnit(uniform))));

    /// <inheritdoc />
    public override IEnumerable<double> Moves(double coordinate)
    {
        long current = IndexOf(Number(Decode(coordinate)));
        if (_count <= ExhaustiveLimit)
        {
            for (long i = 0; i < _count; i++)
            {
                if (i != current)
                {
                    yield return Coordinate(i);
                }
            }

            yield break;
        }

        // A ladder of steps 1, 2, 4, ... each way: a coarse line search that repeated passes refine.
        for (long offset = 1; offset < _count; offset *= 2)
        {
            if (current - offset >= 0)
            {
                yield return Coordinate(current - offset);
            }

            if (current + offset < _count)
            {
                yield return Coordinate(current + offset);
            }
        }
    }

    private long IndexOf(double value) => (long)Math.Clamp(Math.Round((value - _first) / _step), 0, _count - 1);

    // The coordinate of grid value i: the middle of the interval of unit coordinates FromUnit maps to it, so decoding
    // is exact, and for a quantized float simply the value's own position.
    private double Coordinate(long index)
    {
        double value = _first + (index * _step);
        switch (_domain)
        {
            case IntDomain { IsLog: false }:
                return (index + 0.5) / _count;
            case IntDomain integer:
                double upper = integer.Step is null ? integer.High : integer.MaxValue + 0.5;
                double lower = index == 0 ? integer.Low : integer.Step is null ? value : value - (_step / 2);
                double top = integer.Step is null ? value + 1 : index == _count - 1 ? upper : value + (_step / 2);
                double middle = 0.5 * (Math.Log(lower) + Math.Log(top));
                return Math.Clamp((middle - Math.Log(integer.Low)) / (Math.Log(upper) - Math.Log(integer.Low)), 0.0, 1.0);
            default:
                var quantized = (FloatDomain)_domain;
                return UnitScale.Position(value, quantized.Low, quantized.High, quantized.IsLog);
        }
    }

    private static double Number(object? value) => ParamValue.TryGetDouble(value, out double x) ? x : double.NaN;
}
