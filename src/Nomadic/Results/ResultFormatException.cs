namespace Nomadic.Results;

/// <summary>A saved result or results journal cannot be read; the message names the file and the problem.</summary>
public sealed class ResultFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="ResultFormatException"/> class.</summary>
    public ResultFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ResultFormatException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ResultFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ResultFormatException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResultFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ResultFormatException"/> class for a file.</summary>
    /// <param name="path">The file, or <see langword="null"/> for text not read from a file.</param>
    /// <param name="problem">What is wrong with it.</param>
    public ResultFormatException(string? path, string problem)
        : base(path is null ? $"Invalid experiment result: {problem?.TrimEnd('.')}." : $"{path}: {problem?.TrimEnd('.')}.")
    {
    }
}
