namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>An object: keys in file order, each once.</summary>
internal sealed class ConfigMap : ConfigNode
{
    private readonly Dictionary<string, ConfigEntry> _byKey;

    private ConfigMap(IReadOnlyList<ConfigEntry> entries, Dictionary<string, ConfigEntry> byKey, SourcePosition position)
        : base(position)
    {
        Entries = entries;
        _byKey = byKey;
    }

    public IReadOnlyList<ConfigEntry> Entries { get; }

    public override string Description => "an object";

    /// <summary>Creates an object from its entries.</summary>
    /// <param name="entries">The entries in file order.</param>
    /// <param name="position">Where the object starts.</param>
    /// <param name="file">The file, for the error message.</param>
    /// <exception cref="InputException">A key appears twice.</exception>
    public static ConfigMap Create(IReadOnlyList<ConfigEntry> entries, SourcePosition position, string file)
    {
        var byKey = new Dictionary<string, ConfigEntry>(entries.Count, StringComparer.Ordinal);
        foreach (ConfigEntry entry in entries)
        {
            if (!byKey.TryAdd(entry.Key, entry))
            {
                throw new InputException(entry.KeyPosition.Describe(file, $"duplicate key \"{entry.Key}\""));
            }
        }

        return new ConfigMap(entries, byKey, position);
    }

    public ConfigEntry? Find(string key) => _byKey.GetValueOrDefault(key);

    public override object? ToPlain()
    {
        var values = new Dictionary<string, object?>(Entries.Count, StringComparer.Ordinal);
        foreach (ConfigEntry entry in Entries)
        {
            values[entry.Key] = entry.Value.ToPlain();
        }

        return values;
    }
}
