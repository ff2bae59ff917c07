namespace Nomadic.Tuning.Encoders;

/// <summary>Codes a continuous float domain as its unit coordinate (log scale for a log domain).</summary>
internal sealed class ContinuousCoder : ParameterCoder
{
    private readonly FloatDomain _domain;

    /// <summary>Initializes a new instance of the <see cref="ContinuousCoder"/> class.</summary>
    /// <param name="domain">A float domain without a step.</param>
    public ContinuousCoder(FloatDomain domain)
    {
        _domain = domain;
    }

    /// <inheritdoc />
    public override bool IsContinuous => true;

    /// <inheritdoc />
    public override bool TryEncode(object? value, out double coordinate)
    {
        if (!ParamValue.TryGetDouble(value, out double x) || double.IsNaN(x))
        {
            coordinate = 0;
            return false;
        }

        coordinate = UnitScale.Position(x, _domain.Low, _domain.High, _domain.IsLog);
        return true;
    }

    /// <inheritdoc />
    public override object? Decode(double coordinate) => _domain.FromUnit(coordinate);

    /// <inheritdoc />
    public override double FromUniform(double uniform) => uniform;
}
