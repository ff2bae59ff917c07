using System.Text;

namespace Nomadic.AI.Datasets;

/// <summary>Splits CSV text into records (RFC 4180: comma-separated, fields in double quotes may hold commas, quotes doubled and line breaks).</summary>
internal static class CsvRecords
{
    /// <summary>Returns each non-blank record with the line it starts on, from 1.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(string text, string path)
    {
        int line = 1;
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i < text.Length)
        {
            int start = line;
            List<string> fields = ReadRecord(text, ref i, ref line, path);
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                yield return (start, fields);
            }
        }
    }

    private static List<string> ReadRecord(string text, ref int i, ref int line, string path)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                ReadQuoted(text, ref i, ref line, field, path);
            }

            while (i < text.Length && text[i] is not (',' or '\n' or '\r'))
            {
                if (text[i] == '"')
                {
                    throw new DatasetFormatException(path, line, "a quote inside an unquoted field; quote the whole field and double the quote (\"\").");
                }

                field.Append(text[i++]);
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                return fields;
            }

            char separator = text[i++];
            if (separator == ',')
            {
                continue;
            }

            if (separator == '\r' && i < text.Length && text[i] == '\n')
            {
                i++;
            }

            line++;
            return fields;
        }
    }

    private static void ReadQuoted(string text, ref int i, ref int line, StringBuilder field, string path)
    {
        int opened = line;
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new DatasetFormatException(path, opened, "a quoted field is never closed.");
            }

            char c = text[i++];
            if (c == '"')
            {
                if (i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                    continue;
                }

                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new DatasetFormatException(path, line, "text after a closing quote; a quote inside a quoted field is written twice (\"\").");
                }

                return;
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
        }
    }
}
