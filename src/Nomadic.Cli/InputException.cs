namespace Nomadic.Cli;

/// <summary>
/// A file or argument the user gave is wrong; the message is one line naming the file, the position when known and
/// the problem. Reported as <c>error: &lt;message&gt;</c> with exit code 2.
/// </summary>
internal sealed class InputException(string message) : Exception(message);
