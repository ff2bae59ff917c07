namespace Nomadic.Tuning;

/// <summary>A search space or one of its domains is invalid; the message names the parameter and the problem.</summary>
public sealed class SearchSpaceException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="SearchSpaceException"/> class.</summary>
    public SearchSpaceException()
    {
        ParameterName = "";
    }

    /// <summary>Initializes a new instance of the <see cref="SearchSpaceException"/> class.</summary>
    /// <param name="message">The message.</param>
    public SearchSpaceException(string message)
        : base(message)
    {
        ParameterName = "";
    }

    /// <summary>Initializes a new instance of the <see cref="SearchSpaceException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SearchSpaceException(string message, Exception innerException)
        : base(message, innerException)
    {
        ParameterName = "";
    }

    /// <summary>Initializes a new instance of the <see cref="SearchSpaceException"/> class for one parameter.</summary>
    /// <param name="parameterName">The parameter at fault.</param>
    /// <param name="problem">What is wrong, e.g. "uniform low (5) must be less than high (1)".</param>
    public SearchSpaceException(string parameterName, string problem)
        : base($"Parameter '{parameterName}': {problem}.")
    {
        ParameterName = parameterName;
    }

    /// <summary>Gets the name of the parameter at fault.</summary>
    public string ParameterName { get; }
}
