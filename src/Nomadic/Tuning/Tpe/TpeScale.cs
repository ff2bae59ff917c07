namespace Nomadic.Tuning.Tpe;

/// <summary>
/// Maps one domain to the coordinate its Parzen estimators work in: the unit interval for numbers (on the domain's own
/// linear or log scale), the index of the value for categories.
/// </summary>
internal abstract class TpeScale
{
    /// <summary>Creates the scale of a domain that is modelled (not exhaustive, more than one value).</summary>
    public static TpeScale For(Domain domain) => domain switch
    {
        ChoiceDomain choice => new CategoricalScale(choice),
        FloatDomain number => NumericScale.ForFloat(number),
        IntDomain integer => NumericScale.ForInt(integer),
        _ => throw new ArgumentException($"The TPE tuner cannot model a {domain.Kind} domain.", nameof(domain)),
    };

    /// <summary>Gets the model coordinate of a parameter value, or <see cref="double.NaN"/> when the value cannot be one of the domain's.</summary>
    public abstract double ToModel(object? value);

    /// <summary>Turns a sampled model coordinate into the nearest value of the domain.</summary>
    /// <param name="coordinate">The sampled coordinate.</param>
    /// <param name="value">The domain value, of the domain's value type.</param>
    /// <returns>The model coordinate of <paramref name="value"/>, where the estimators are evaluated.</returns>
    public abstract double Snap(double coordinate, out object? value);
}
