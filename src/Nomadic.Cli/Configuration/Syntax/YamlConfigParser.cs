using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>Reads YAML into the same <see cref="ConfigNode"/>s as JSON, keeping each value's line and column.</summary>
internal static class YamlConfigParser
{
    /// <summary>Parses a document holding one YAML document.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file name for messages.</param>
    /// <returns>The root node.</returns>
    /// <exception cref="InputException">
    /// The text is not valid YAML, holds several documents, repeats a key or exceeds a limit of <see cref="YamlLimits"/>.
    /// </exception>
    public static ConfigNode Parse(string text, string file)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            YamlLimits.Check(new Parser(new Scanner(new StringReader(text), skipComments: true)), file);
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var position = new SourcePosition((int)e.Start.Line, (int)e.Start.Column);
            throw new InputException(position.Describe(file, "malformed YAML: " + Clean(e)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated constructs; its position is the best clue.
            var position = new SourcePosition((int)scanner.CurrentPosition.Line, (int)scanner.CurrentPosition.Column);
            throw new InputException(position.Describe(file, "malformed YAML: unexpected text or end of file (an unclosed bracket, brace or quote?)"));
        }

        return stream.Documents.Count switch
        {
            0 => throw new InputException($"{file}: the file is empty"),
            1 => Convert(stream.Documents[0].RootNode, file),
            _ => throw new InputException($"{file}: holds {stream.Documents.Count} YAML documents; an experiment file holds one"),
        };
    }

    private static ConfigNode Convert(YamlNode node, string file)
    {
        var position = new SourcePosition((int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var entries = new List<ConfigEntry>(mapping.Children.Count);
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    var keyPosition = new SourcePosition((int)pair.Key.Start.Line, (int)pair.Key.Start.Column);
                    string key = pair.Key is YamlScalarNode { Value: { } k }
                        ? k
                        : throw new InputException(keyPosition.Describe(file, "a key must be a plain text, not a list or an object"));
                    entries.Add(new ConfigEntry(key, keyPosition, Convert(pair.Value, file)));
                }

                return ConfigMap.Create(entries, position, file);
            case YamlSequenceNode sequence:
                return new ConfigList(sequence.Children.Select(c => Convert(c, file)).ToList(), position);
            case YamlScalarNode scalar:
                return new ConfigScalar(YamlScalars.Resolve(scalar), position);
            default:
                throw new InputException(position.Describe(file, $"unsupported YAML node {node.NodeType}"));
        }
    }

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported apart.
    private static string Clean(YamlException e)
    {
        string message = (e.InnerException as YamlException)?.Message ?? e.Message;
        int cut = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return (cut >= 0 ? message[(cut + 3)..] : message).ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }
}
