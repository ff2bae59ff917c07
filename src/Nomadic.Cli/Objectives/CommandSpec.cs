namespace Nomadic.Cli.Objectives;

/// <summary>A command objective ready to run: the resolved program, argument templates, folder and extra environment.</summary>
/// <param name="Executable">The program's full path.</param>
/// <param name="Arguments">The arguments, with <c>{name}</c> placeholders for parameters.</param>
/// <param name="WorkingDirectory">The folder the command runs in (full path).</param>
/// <param name="Environment">Extra environment variables, on top of the inherited ones.</param>
internal sealed record CommandSpec(
    string Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);
