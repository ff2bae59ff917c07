using Nomadic.Tuning.Encoders;

namespace Nomadic.Tuning.Tpe;

/// <summary>
/// A numeric domain seen by the estimators: the unit interval over its <see cref="NumericAxis"/>, linear or
/// logarithmic. A quantized or integer domain covers each of its values with a cell v ± q/2, as Optuna widens such a
/// range by half a step at each end.
/// </summary>
/// <remarks>
/// Working on the unit interval rather than in the domain's units leaves TPE unchanged (every bandwidth rule scales
/// with the range) and keeps densities near 1 whatever the range, so no log-sum-exp overflows.
/// </remarks>
internal sealed class NumericScale : TpeScale
{
    private readonly FloatDomain? _float;
    private readonly NumericAxis _axis;
    private readonly double _origin;
    private readonly double _width;

    private NumericScale(Domain domain)
    {
        _float = domain as FloatDomain;
        _axis = NumericAxis.For(domain)!;
        _origin = _axis.CellLow;
        _width = _axis.CellHigh - _origin;
    }

    /// <summary>Gets a value indicating whether the domain is a finite set of values spaced by a step.</summary>
    public bool IsDiscrete => _axis.IsDiscrete;

    public static NumericScale ForFloat(FloatDomain domain) => new(domain);

    public static NumericScale ForInt(IntDomain domain) => new(domain);

    public override double ToModel(object? value)
    {
        if (!ParamValue.TryGetDouble(value, out double x) || double.IsNaN(x))
        {
            return double.NaN;
        }

        return _axis.IsLog && x <= 0 ? 0.0 : Math.Clamp((_axis.Transform(x) - _origin) / _width, 0.0, 1.0);
    }

    public override double Snap(double coordinate, out object? value)
    {
        double x = _axis.Untransform(_origin + (coordinate * _width));
        double min = _axis.Min, max = _axis.Max, step = _axis.Step;
        if (step == 0)
        {
            value = Math.Clamp(x, min, max);
        }
        else
        {
            double k = Math.Clamp(Math.Round((x - min) / step), 0.0, Math.Round((max - min) / step));
            double v = min + (k * step);

            // The domain's own mapping rounds to its step and formats decimals its way (0.30000000000000004 becomes 0.3).
            value = _float is null ? (int)Math.Round(v) : _float.FromUnit(UnitScale.Position(Math.Round(v / step) * step, _float.Low, _float.High, _float.IsLog));
        }

        return ToModel(value);
    }

    /// <summary>Gets the cell of the discrete value at a snapped coordinate, in model coordinates.</summary>
    public void Cell(double coordinate, out double lower, out double upper)
    {
        _axis.Cell(_axis.Untransform(_origin + (coordinate * _width)), out double low, out double high);
        lower = (low - _origin) / _width;
        upper = (high - _origin) / _width;
    }
}
