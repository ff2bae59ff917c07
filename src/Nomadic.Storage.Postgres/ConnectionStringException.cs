namespace Nomadic.Storage.Postgres;

/// <summary>
/// A PostgreSQL connection string or URL cannot be read: malformed, an unknown keyword or option, a value of the wrong
/// kind, a port out of range. The message names the problem and never holds the password.
/// </summary>
public sealed class ConnectionStringException : ArgumentException
{
    private const string Prefix = "The PostgreSQL connection string is not valid: ";

    /// <summary>Initializes a new instance of the <see cref="ConnectionStringException"/> class.</summary>
    public ConnectionStringException()
        : this("it cannot be read")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectionStringException"/> class.</summary>
    /// <param name="problem">What is wrong, without the password, e.g. <c>port 99999 is out of range (1 to 65535)</c>.</param>
    public ConnectionStringException(string problem)
        : base(Prefix + problem + ".")
    {
        Problem = problem;
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectionStringException"/> class.</summary>
    /// <param name="problem">What is wrong, without the password.</param>
    /// <param name="innerException">The cause; its message may hold parts of the connection string, so it is not repeated.</param>
    public ConnectionStringException(string problem, Exception innerException)
        : base(Prefix + problem + ".", innerException)
    {
        Problem = problem;
    }

    /// <summary>Gets what is wrong, in a few words and without the password (the message is this after a prefix).</summary>
    public string Problem { get; }
}
