namespace Nomadic.Cli;

/// <summary>Where the command writes: standard output and error, and whether output goes to a terminal (live progress, rich tables).</summary>
/// <param name="Out">Results, tables and progress.</param>
/// <param name="Error">The one-line error messages.</param>
/// <param name="IsTerminal">Whether <paramref name="Out"/> is an interactive terminal rather than a file or a pipe.</param>
/// <param name="Prompt">Standard input when it is an interactive terminal, to ask for confirmation; <see langword="null"/> otherwise.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal, TextReader? Prompt = null);
