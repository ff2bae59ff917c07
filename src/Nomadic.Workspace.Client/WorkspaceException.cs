namespace Nomadic.Workspace.Client;

/// <summary>The Workspace refused a call, or could not be reached after every retry.</summary>
public sealed class WorkspaceException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WorkspaceException"/> class.</summary>
    public WorkspaceException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WorkspaceException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    public WorkspaceException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WorkspaceException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public WorkspaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the HTTP status the server answered, or <see langword="null"/> when it was not reached.</summary>
    public int? StatusCode { get; init; }
}
