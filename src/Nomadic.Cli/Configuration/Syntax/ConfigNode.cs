namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>A value read from an experiment file (JSON or YAML), with its position for error messages.</summary>
internal abstract class ConfigNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>Gets the kind of value with its article, for messages such as "expected a string, got a list".</summary>
    public abstract string Description { get; }

    /// <summary>Converts the node to plain values: scalars, <see cref="List{T}"/> and ordered dictionaries.</summary>
    public abstract object? ToPlain();
}
