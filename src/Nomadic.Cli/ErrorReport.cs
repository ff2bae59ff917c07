using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Storage.Postgres;
using Nomadic.Tuning;

namespace Nomadic.Cli;

/// <summary>Turns any exception that reaches the top of a command into one line on stderr and an exit code; never a stack trace.</summary>
internal static class ErrorReport
{
    public static int Write(Exception exception, TextWriter error, CancellationToken cancellationToken)
    {
        (int code, string message) = exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Interrupted, "interrupted"),
            InputException or ResultFormatException or SearchSpaceException => (ExitCodes.Usage, exception.Message),
            ConnectionStringException => (ExitCodes.Usage, exception.Message),
            StorageException => (ExitCodes.Failure, exception.Message),
            FileNotFoundException e => (ExitCodes.Usage, $"{e.FileName}: no such file"),
            DirectoryNotFoundException or UnauthorizedAccessException or IOException => (ExitCodes.Failure, exception.Message),
            _ => (ExitCodes.Failure, $"unexpected {exception.GetType().Name}: {exception.Message}"),
        };
        error.WriteLine("error: " + message.ReplaceLineEndings(" ").Trim());
        return code;
    }
}
