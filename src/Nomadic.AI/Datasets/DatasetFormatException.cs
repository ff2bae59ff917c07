namespace Nomadic.AI.Datasets;

/// <summary>A dataset file that cannot be read: its message names the file and the line, in one line.</summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DatasetFormatException"/> class.</summary>
    public DatasetFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DatasetFormatException"/> class with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public DatasetFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DatasetFormatException"/> class with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DatasetFormatException"/> class for a problem at a line of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="lineNumber">The line, from 1; 0 when the problem concerns the whole file.</param>
    /// <param name="problem">What is wrong, as a sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasetFormatException(string path, int lineNumber, string problem, Exception? innerException = null)
        : base(lineNumber > 0 ? $"{path}, line {lineNumber}: {problem}" : $"{path}: {problem}", innerException)
    {
        FilePath = path;
        LineNumber = lineNumber;
    }

    /// <summary>Gets the file that cannot be read.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the line of the problem, from 1; 0 when it concerns the whole file.</summary>
    public int LineNumber { get; }
}
