namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>A list of values.</summary>
internal sealed class ConfigList(IReadOnlyList<ConfigNode> items, SourcePosition position) : ConfigNode(position)
{
    public IReadOnlyList<ConfigNode> Items { get; } = items;

    public override string Description => "a list";

    public override object? ToPlain() => Items.Select(i => i.ToPlain()).ToList();
}
