namespace Nomadic.Reports.Data;

/// <summary>A parameter as an axis of a plot.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Scale">How its values are laid out.</param>
/// <param name="Categories">
/// The category labels of a <see cref="ParameterScale.Categorical"/> parameter, in axis order (category i sits at
/// position i); empty for a numeric one.
/// </param>
internal sealed record ParameterAxis(string Name, ParameterScale Scale, IReadOnlyList<string> Categories)
{
    /// <summary>Gets a value indicating whether the parameter is numeric (linear or logarithmic).</summary>
    public bool IsNumeric => Scale != ParameterScale.Categorical;

    /// <summary>Gets a value indicating whether the parameter takes only whole numbers (an integer domain), so its ticks are whole numbers too.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IsInteger { get; init; }
}
