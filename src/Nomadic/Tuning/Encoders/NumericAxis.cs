namespace Nomadic.Tuning.Encoders;

/// <summary>
/// The numeric axis of a float or integer domain: its smallest and largest values, its step, and the scale (linear or
/// logarithmic) on which values are spread, with each discrete value owning a cell of half a step either side.
/// </summary>
/// <remarks>
/// Models that weigh the values of a domain (TPE's Parzen estimators, fANOVA's uniform measure) work on
/// <see cref="Transform"/>ed values between <see cref="CellLow"/> and <see cref="CellHigh"/>, so every value of a
/// discrete domain weighs the same, as Optuna widens such a range by half a step at each end.
/// </remarks>
internal sealed class NumericAxis
{
    // The lower bound of a log cell when even half the value would not be positive.
    private readonly double _floor;

    private NumericAxis(bool log, double min, double max, double step, double floor)
    {
        _floor = floor;
        IsLog = log;
        Min = min;
        Max = max;
        Step = step;
        CellLow = Transform(step == 0 ? min : PositiveOrHalf(min - (step / 2), min));
        CellHigh = Transform(step == 0 ? max : max + (step / 2));
    }

    /// <summary>Gets a value indicating whether values are spread on a logarithmic scale.</summary>
    public bool IsLog { get; }

    /// <summary>Gets the smallest value of the domain.</summary>
    public double Min { get; }

    /// <summary>Gets the largest value of the domain.</summary>
    public double Max { get; }

    /// <summary>Gets the distance between neighbouring values, 0 for a continuous domain.</summary>
    public double Step { get; }

    /// <summary>Gets a value indicating whether the domain is a finite set of values spaced by a step.</summary>
    public bool IsDiscrete => Step > 0;

    /// <summary>Gets the lower end of the axis on the transformed scale: the smallest value's cell.</summary>
    public double CellLow { get; }

    /// <summary>Gets the upper end of the axis on the transformed scale: the largest value's cell.</summary>
    public double CellHigh { get; }

    /// <summary>Creates the axis of a numeric domain.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="logScale">Whether a log domain keeps its logarithmic scale; <see langword="false"/> spreads it linearly.</param>
    /// <returns>The axis, or <see langword="null"/> for a domain that is not numeric.</returns>
    public static NumericAxis? For(Domain domain, bool logScale = true) => domain switch
    {
        FloatDomain { Step: double q } quantized => new(quantized.IsLog && logScale, Number(quantized.FromUnit(0.0)), Number(quantized.FromUnit(1.0)), q, quantized.Low / 2),
        FloatDomain continuous => new(continuous.IsLog && logScale, continuous.Low, continuous.High, 0.0, continuous.Low / 2),
        IntDomain integer => new(integer.IsLog && logScale, integer.MinValue, integer.MaxValue, integer.Step ?? 1, 0.5),
        _ => null,
    };

    /// <summary>Maps a value to the axis' scale: its logarithm on a log scale, itself otherwise.</summary>
    /// <param name="value">A value of the domain.</param>
    /// <returns>The transformed value.</returns>
    public double Transform(double value) => IsLog ? Math.Log(value) : value;

    /// <summary>Maps a number of the axis' scale back to a value: the inverse of <see cref="Transform"/>.</summary>
    /// <param name="position">A transformed value.</param>
    /// <returns>The value.</returns>
    public double Untransform(double position) => IsLog ? Math.Exp(position) : position;

    /// <summary>Gets the transformed bounds of the cell around a discrete value.</summary>
    /// <param name="value">A value of the domain.</param>
    /// <param name="lower">The lower bound of its cell.</param>
    /// <param name="upper">The upper bound of its cell.</param>
    public void Cell(double value, out double lower, out double upper)
    {
        lower = Transform(PositiveOrHalf(value - (Step / 2), value));
        upper = Transform(value + (Step / 2));
    }

    // On a log scale a cell must stay positive; a step larger than twice the smallest value would reach past zero.
    private double PositiveOrHalf(double bound, double value) => !IsLog || bound > 0 ? bound : value > 0 ? value / 2 : _floor;

    private static double Number(object? value) => ParamValue.TryGetDouble(value, out double x) ? x : double.NaN;
}
