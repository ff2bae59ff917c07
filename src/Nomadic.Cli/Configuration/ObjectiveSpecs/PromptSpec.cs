using Nomadic.Cli.Configuration.Syntax;

namespace Nomadic.Cli.Configuration.ObjectiveSpecs;

/// <summary>One named prompt template.</summary>
/// <param name="Name">The variant's name, the value of <c>prompt_variant</c> that chooses it.</param>
/// <param name="Template">The template text and where it is declared.</param>
internal sealed record PromptSpec(string Name, LocatedText Template);
