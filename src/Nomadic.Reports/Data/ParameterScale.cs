namespace Nomadic.Reports.Data;

/// <summary>How a parameter's values are laid out on an axis.</summary>
internal enum ParameterScale
{
    /// <summary>Numbers on a linear axis.</summary>
    Linear,

    /// <summary>Positive numbers on a logarithmic axis (log-uniform and log-integer domains).</summary>
    Log,

    /// <summary>Categories (a choice domain, or values that are not numbers), evenly spaced in the order of the domain.</summary>
    Categorical,
}
