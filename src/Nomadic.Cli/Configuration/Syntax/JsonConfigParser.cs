using System.Text.Json;

namespace Nomadic.Cli.Configuration.Syntax;

/// <summary>Reads JSON into <see cref="ConfigNode"/>s that remember their line and column. Comments and trailing commas are allowed.</summary>
internal static class JsonConfigParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = ExperimentFileLimits.MaxDepth,
    };

    /// <summary>Parses a whole document.</summary>
    /// <param name="utf8">The file's bytes; a UTF-8 byte order mark is skipped.</param>
    /// <param name="file">The file name for messages.</param>
    /// <returns>The root node.</returns>
    /// <exception cref="InputException">The text is not valid JSON or an object repeats a key; the message gives line and column.</exception>
    public static ConfigNode Parse(ReadOnlySpan<byte> utf8, string file)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InputException($"{file}: the file is empty");
        }

        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            reader.Read();
            ConfigNode root = ReadValue(ref reader, lines, file);
            reader.Read();
            return root;
        }
        catch (JsonException e)
        {
            var position = new SourcePosition((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            throw new InputException(position.Describe(file, "malformed JSON: " + Clean(e.Message)));
        }
    }

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, LineIndex lines, string file)
    {
        SourcePosition position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<ConfigEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    SourcePosition keyPosition = lines.At(reader.TokenStartIndex);
                    string key = reader.GetString()!;
                    reader.Read();
                    entries.Add(new ConfigEntry(key, keyPosition, ReadValue(ref reader, lines, file)));
                }

                return ConfigMap.Create(entries, position, file);
            case JsonTokenType.StartArray:
                var items = new List<ConfigNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines, file));
                }

                return new ConfigList(items, position);
            case JsonTokenType.String:
                return new ConfigScalar(reader.GetString(), position);
            case JsonTokenType.Number:
                return new ConfigScalar(ReadNumber(ref reader), position);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new ConfigScalar(reader.GetBoolean(), position);
            default:
                return new ConfigScalar(null, position);
        }
    }

    // A number written without a decimal point or exponent is an integer, as in the library's result files.
    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (reader.TryGetInt32(out int i))
            {
                return i;
            }

            if (reader.TryGetInt64(out long l))
            {
                return l;
            }
        }

        return reader.GetDouble();
    }

    private static string Clean(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = (cut >= 0 ? message[..cut] : message).Trim();
        return text.TrimEnd('.');
    }

    /// <summary>Maps byte offsets to 1-based lines and columns.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _starts = [0];

        public LineIndex(ReadOnlySpan<byte> text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public SourcePosition At(long offset)
        {
            int index = _starts.BinarySearch(offset);
            int line = index >= 0 ? index : ~index - 1;
            return new SourcePosition(line + 1, (int)(offset - _starts[line]) + 1);
        }
    }
}
