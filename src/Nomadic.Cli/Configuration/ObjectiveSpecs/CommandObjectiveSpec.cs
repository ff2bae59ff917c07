using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>A command run once per trial (<c>{"command": [...], "working_directory": ".", "env": {...}}</c>).</summary>
/// <param name="Command">The program and its arguments, with <c>{name}</c> placeholders.</param>
/// <param name="WorkingDirectory">The folder to run in, relative to the experiment file; its folder when null.</param>
/// <param name="Environment">Extra environment variables.</param>
/// <param name="Position">Where the command is declared.</param>
internal sealed record CommandObjectiveSpec(
    IReadOnlyList<string> Command,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    SourcePosition Position) : ObjectiveSpec(Position);
