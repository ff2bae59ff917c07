namespace Nomadic.Tuning.Tpe;

/// <summary>
/// A numeric domain seen by the estimators: the unit interval over its range, linear or logarithmic. A quantized or
/// integer domain covers each of its values with a cell v ± q/2, as Optuna widens such a range by half a step at each end.
/// </summary>
/// <remarks>
/// Working on the unit interval rather than in the domain's units leaves TPE unchanged (every bandwidth rule scales
/// with the range) and keeps densities near 1 whatever the range, so no log-sum-exp overflows.
/// </remarks>
internal sealed class NumericScale : TpeScale
{
    private readonly FloatDomain? _float;
    private readonly bool _log;
    private readonly double _step;
    private readonly double _min;
    private readonly double _max;
    private readonly double _origin;
    private readonly double _width;
    private readonly double _floor;

    private NumericScale(FloatDomain? domain, bool log, double step, double min, double max)
    {
        _float = domain;
        _log = log;
        _floor = (domain?.Low ?? 1.0) / 2;
        _step = step;
        _min = min;
        _max = max;
        _origin = Transform(step == 0 ? min : PositiveOrHalf(min - (step / 2), min));
        _width = Transform(step == 0 ? max : max + (step / 2)) - _origin;
    }

    /// <summary>Gets a value indicating whether the domain is a finite set of values spaced by a step.</summary>
    public bool IsDiscrete => _step > 0;

    public static NumericScale ForFloat(FloatDomain domain) => domain.Step is double q
        ? new NumericScale(domain, domain.IsLog, q, (double)domain.FromUnit(0.0)!, (double)domain.FromUnit(1.0)!)
        : new NumericScale(domain, domain.IsLog, 0.0, domain.Low, domain.High);

    public static NumericScale ForInt(IntDomain domain) =>
        new(null, domain.IsLog, domain.Step ?? 1, domain.MinValue, domain.MaxValue);

    public override double ToModel(object? value)
    {
        if (!ParamValue.TryGetDouble(value, out double x) || double.IsNaN(x))
        {
            return double.NaN;
        }

        return _log && x <= 0 ? 0.0 : Math.Clamp((Transform(x) - _origin) / _width, 0.0, 1.0);
    }

    public override double Snap(double coordinate, out object? value)
    {
        double x = Untransform(_origin + (coordinate * _width));
        if (_step == 0)
        {
            value = Math.Clamp(x, _min, _max);
        }
        else
        {
            double k = Math.Clamp(Math.Round((x - _min) / _step), 0.0, Math.Round((_max - _min) / _step));
            double v = _min + (k * _step);
            value = _float is null ? (int)Math.Round(v) : _float.FromUnit(UnitOf(_float, Math.Round(v / _step) * _step));
        }

        return ToModel(value);
    }

    /// <summary>Gets the cell of the discrete value at a snapped coordinate, in model coordinates.</summary>
    public void Cell(double coordinate, out double lower, out double upper)
    {
        double v = Untransform(_origin + (coordinate * _width));
        lower = (Transform(PositiveOrHalf(v - (_step / 2), v)) - _origin) / _width;
        upper = (Transform(v + (_step / 2)) - _origin) / _width;
    }

    // The unit coordinate at which the domain's own mapping lands on x, so the domain rounds to its step and formats
    // decimals its way (0.30000000000000004 becomes 0.3).
    private static double UnitOf(FloatDomain domain, double x) => domain.IsLog
        ? (Math.Log(x) - Math.Log(domain.Low)) / (Math.Log(domain.High) - Math.Log(domain.Low))
        : (x - domain.Low) / (domain.High - domain.Low);

    private double Transform(double x) => _log ? Math.Log(x) : x;

    private double Untransform(double y) => _log ? Math.Exp(y) : y;

    // On a log scale a cell must stay positive; a step larger than twice the smallest value would reach past zero.
    private double PositiveOrHalf(double bound, double value) => !_log || bound > 0 ? bound : value > 0 ? value / 2 : _floor;
}
