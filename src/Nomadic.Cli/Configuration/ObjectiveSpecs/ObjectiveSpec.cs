using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>The <c>objective</c> of an experiment file: a built-in function, a command, a retrieval pipeline or an LLM (<see cref="LlmObjectiveSpec"/>).</summary>
/// <param name="Position">Where it is declared.</param>
internal abstract record ObjectiveSpec(SourcePosition Position);
