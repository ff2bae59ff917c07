using System.Collections;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>
/// Turns plain values (the inverse of <see cref="ConfigNode.ToPlain"/>: dictionaries, lists and scalars, as a storage
/// gives them back) into <see cref="ConfigNode"/>s without positions, so stored files are checked like files on disk.
/// </summary>
internal static class PlainConfig
{
    /// <summary>Converts a plain value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="file">The file name, for messages about repeated keys.</param>
    /// <returns>The node.</returns>
    public static ConfigNode ToNode(object? value, string file) => value switch
    {
        IReadOnlyDictionary<string, object?> map => ConfigMap.Create(
            map.Select(pair => new ConfigEntry(pair.Key, SourcePosition.Unknown, ToNode(pair.Value, file))).ToList(),
            SourcePosition.Unknown,
            file),
        string or null => new ConfigScalar(value, SourcePosition.Unknown),
        IEnumerable list => new ConfigList(list.Cast<object?>().Select(item => ToNode(item, file)).ToList(), SourcePosition.Unknown),
        _ => new ConfigScalar(value, SourcePosition.Unknown),
    };
}
