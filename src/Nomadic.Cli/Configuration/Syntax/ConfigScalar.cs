namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>A scalar: <see langword="null"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/> or <see cref="string"/>.</summary>
internal sealed class ConfigScalar(object? value, SourcePosition position) : ConfigNode(position)
{
    public object? Value { get; } = value;

    public override string Description => Value switch
    {
        null => "null",
        bool => "a boolean",
        int or long or double => "a number",
        _ => "a string",
    };

    /// <summary>Gets the value as command-line text: numbers in invariant form, booleans in lower case.</summary>
    public string Text => ParamText.Invariant(Value);

    public override object? ToPlain() => Value;
}
