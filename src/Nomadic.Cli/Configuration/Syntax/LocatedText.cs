namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>A string value of an experiment file with the key it was read from, for messages about it.</summary>
/// <param name="Value">The text.</param>
/// <param name="Key">Its dotted path, e.g. <c>objective.llm.prompts.terse</c>.</param>
/// <param name="Position">Where the value stands.</param>
internal sealed record LocatedText(string Value, string Key, SourcePosition Position);
