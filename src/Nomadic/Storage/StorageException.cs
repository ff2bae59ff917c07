namespace Nomadic.Storage;

/// <summary>A storage cannot do what was asked; the message says what and where, in one line.</summary>
public sealed class StorageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StorageException"/> class.</summary>
    public StorageException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StorageException"/> class.</summary>
    /// <param name="message">The message.</param>
    public StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StorageException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
