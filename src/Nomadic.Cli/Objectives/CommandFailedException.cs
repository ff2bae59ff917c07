namespace Nomadic.Cli.Objectives;

/// <summary>An objective command failed or printed no score; the one-line message says why and ends with its stderr tail.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
