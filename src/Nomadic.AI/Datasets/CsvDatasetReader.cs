using System.Text.Json;

namespace Nomadic.AI.Datasets;

/// <summary>Reads a dataset from CSV with a header row; list columns hold a JSON array or values separated by <c>|</c>.</summary>
internal static class CsvDatasetReader
{
    public static List<EvaluationItem> Read(string text, string path)
    {
        using IEnumerator<(int Line, List<string> Fields)> records = CsvRecords.Read(text, path).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new DatasetFormatException(path, 0, "the file is empty; expected a header row with a \"query\" column.");
        }

        (int headerLine, List<string> header) = records.Current;
        CheckHeader(header, path, headerLine);
        int query = Column(header, ItemFields.Query) ?? throw new DatasetFormatException(path, headerLine, "the header has no \"query\" column.");
        int? id = Column(header, ItemFields.Id);
        int? reference = Column(header, ItemFields.Reference);
        int? contexts = Column(header, ItemFields.Contexts);
        int? relevant = Column(header, ItemFields.RelevantIds);
        var items = new List<EvaluationItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            (int line, List<string> row) = records.Current;
            if (row.Count != header.Count)
            {
                throw new DatasetFormatException(path, line, $"expected {header.Count} fields as in the header, found {row.Count}.");
            }

            if (string.IsNullOrWhiteSpace(row[query]))
            {
                throw new DatasetFormatException(path, line, $"\"{header[query]}\" is empty.");
            }

            ItemFields.Add(items, ids, new EvaluationItem(id is { } i && row[i].Length > 0 ? row[i] : JsonItemParser.Position(items.Count + 1), row[query])
            {
                Reference = reference is { } r && row[r].Length > 0 ? row[r] : null,
                Contexts = contexts is { } c ? List(row[c], header[c], path, line) : [],
                RelevantDocumentIds = relevant is { } d ? List(row[d], header[d], path, line) : [],
                Fields = Enumerable.Range(0, header.Count).Where(k => !ItemFields.IsKnown(header[k])).ToDictionary(k => header[k], k => row[k], StringComparer.Ordinal),
            }, path, line);
        }

        return items;
    }

    private static void CheckHeader(List<string> header, string path, int line)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in header)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new DatasetFormatException(path, line, "the header has an empty column name.");
            }

            if (!seen.Add(name))
            {
                throw new DatasetFormatException(path, line, $"the header names \"{name}\" twice.");
            }
        }
    }

    private static int? Column(List<string> header, string[] names) =>
        ItemFields.Find(header, names) is { } name ? header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) : null;

    private static List<string> List(string cell, string column, string path, int line)
    {
        string trimmed = cell.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        if (!trimmed.StartsWith('['))
        {
            return [.. trimmed.Split('|').Select(v => v.Trim()).Where(v => v.Length > 0)];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(trimmed) ?? [];
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, line, $"\"{column}\" starts with '[' but is not a JSON array of strings.", e);
        }
    }
}
