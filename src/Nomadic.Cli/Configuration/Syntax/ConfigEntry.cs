namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>One key of an object and its value.</summary>
internal sealed record ConfigEntry(string Key, SourcePosition KeyPosition, ConfigNode Value);
