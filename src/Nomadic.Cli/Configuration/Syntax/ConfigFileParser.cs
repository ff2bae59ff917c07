using System.Text;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>Reads a configuration file from disk into <see cref="ConfigNode"/>s, as JSON or YAML by its extension, within <see cref="ExperimentFileLimits"/>.</summary>
internal static class ConfigFileParser
{
    /// <summary>Reads and parses a <c>.json</c>, <c>.yaml</c> or <c>.yml</c> file.</summary>
    /// <param name="path">The file, as the user named it (messages name it so).</param>
    /// <returns>The file's root value.</returns>
    /// <exception cref="InputException">The file is missing, too large, of another type, or malformed.</exception>
    public static ConfigNode Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file");
        }

        ExperimentFileLimits.CheckSize(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".json" => JsonConfigParser.Parse(File.ReadAllBytes(path), path),
            ".yaml" or ".yml" => YamlConfigParser.Parse(File.ReadAllText(path, Encoding.UTF8), path),
            _ => throw new InputException($"{path}: unsupported file type \"{extension}\" (expected .json, .yaml or .yml)"),
        };
    }
}
