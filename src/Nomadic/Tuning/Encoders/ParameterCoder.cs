namespace Nomadic.Tuning.Encoders;

/// <summary>Maps the values of one parameter to a coordinate of the model's input space and back.</summary>
/// <remarks>
/// Numeric coordinates are the domain's own unit coordinate (<see cref="Domain.FromUnit"/>), so linear and log scales
/// both become [0, 1] and decoding always yields a value of the domain. A categorical coordinate holds the index of its
/// value and the kernel compares it by equality only, as Optuna's GP sampler does.
/// </remarks>
internal abstract class ParameterCoder
{
    /// <summary>Gets a value indicating whether the kernel compares this coordinate by equality (Hamming distance).</summary>
    public virtual bool IsCategorical => false;

    /// <summary>Gets a value indicating whether the coordinate varies continuously, so gradient ascent may move it.</summary>
    public virtual bool IsContinuous => false;

    /// <summary>Creates the coder for a domain.</summary>
    /// <param name="name">The parameter's name, for the error.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The coder.</returns>
    /// <exception cref="SearchSpaceException">The domain is of a kind the model cannot represent.</exception>
    public static ParameterCoder For(string name, Domain domain) => domain switch
    {
        FloatDomain { Step: null } continuous => new ContinuousCoder(continuous),
        FloatDomain quantized => new GridCoder(quantized),
        IntDomain integer => new GridCoder(integer),
        ChoiceDomain choice => new CategoricalCoder(choice),
        _ => throw new SearchSpaceException(name, $"{domain.Kind} is not supported by the Gaussian-process tuner"),
    };

    /// <summary>Finds the coordinate of a value.</summary>
    /// <param name="value">A parameter value; numbers outside the domain are clamped to it.</param>
    /// <param name="coordinate">The coordinate.</param>
    /// <returns><see langword="false"/> when the value cannot be represented (not a number, or not one of the choices).</returns>
    public abstract bool TryEncode(object? value, out double coordinate);

    /// <summary>Returns the domain value a coordinate stands for.</summary>
    /// <param name="coordinate">A coordinate, from <see cref="FromUniform"/>, <see cref="Moves"/> or gradient ascent.</param>
    /// <returns>A value of the domain.</returns>
    public abstract object? Decode(double coordinate);

    /// <summary>Maps a uniform number to a valid coordinate, so a uniform point of the unit cube samples the domain.</summary>
    /// <param name="uniform">A number in [0, 1).</param>
    /// <returns>The coordinate.</returns>
    public abstract double FromUniform(double uniform);

    /// <summary>
    /// Maps a coordinate to the unit interval, where a local search moves every parameter alike: numeric coordinates are
    /// already there, a categorical index becomes the middle of its value's interval of width 1/n, as in FLAML.
    /// </summary>
    /// <param name="coordinate">A coordinate from <see cref="TryEncode"/>.</param>
    /// <returns>The unit coordinate, which <see cref="Domain.FromUnit"/> decodes to the same value.</returns>
    public virtual double ToUnit(double coordinate) => coordinate;

    /// <summary>Lists the coordinates a local search should try instead of <paramref name="coordinate"/>.</summary>
    /// <param name="coordinate">The current coordinate.</param>
    /// <returns>Other valid coordinates; none for a continuous coordinate, which gradient ascent moves instead.</returns>
    public virtual IEnumerable<double> Moves(double coordinate) => [];
}
