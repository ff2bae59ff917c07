using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>A built-in benchmark function, by name (<c>{"builtin": "branin"}</c>).</summary>
internal sealed record BuiltinObjectiveSpec(string Name, SourcePosition Position) : ObjectiveSpec(Position);
