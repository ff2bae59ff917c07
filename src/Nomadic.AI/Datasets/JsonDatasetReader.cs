using System.Text.Json;

namespace Nomadic.AI.Datasets;

/// <summary>Reads datasets from a JSON array of objects and from JSON lines (one object per line).</summary>
internal static class JsonDatasetReader
{
    public static List<EvaluationItem> ReadArray(byte[] bytes, string path)
    {
        var items = new List<EvaluationItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(SkipBom(bytes), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int offset = bytes.Length - SkipBom(bytes).Length;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new DatasetFormatException(path, reader.TokenType == JsonTokenType.None ? 0 : LineOf(bytes, offset + (int)reader.TokenStartIndex), "expected a JSON array of items.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int line = LineOf(bytes, offset + (int)reader.TokenStartIndex);
                using JsonDocument document = JsonDocument.ParseValue(ref reader);
                ItemFields.Add(items, ids, JsonItemParser.Parse(document.RootElement, path, line, items.Count + 1), path, line);
            }

            if (reader.Read())
            {
                throw new DatasetFormatException(path, LineOf(bytes, offset + (int)reader.TokenStartIndex), "unexpected content after the array of items.");
            }
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, (int)(e.LineNumber ?? -1) + 1, $"invalid JSON: {FirstSentence(e.Message)}", e);
        }

        return items;
    }

    public static List<EvaluationItem> ReadLines(string text, string path)
    {
        var items = new List<EvaluationItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(path, i + 1, $"invalid JSON: {FirstSentence(e.Message)}", e);
            }

            using (document)
            {
                ItemFields.Add(items, ids, JsonItemParser.Parse(document.RootElement, path, i + 1, items.Count + 1), path, i + 1);
            }
        }

        return items;
    }

    private static ReadOnlySpan<byte> SkipBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;

    private static int LineOf(byte[] bytes, int index) => bytes.AsSpan(0, Math.Min(index, bytes.Length)).Count((byte)'\n') + 1;

    // System.Text.Json appends a 0-based position and a path to its messages; the file and line are already named.
    private static string FirstSentence(string message)
    {
        foreach (string marker in (string[])[" LineNumber:", " Path:"])
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }
}
