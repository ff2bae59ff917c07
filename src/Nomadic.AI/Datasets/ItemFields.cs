namespace Nomadic.AI.Datasets;

/// <summary>The field names a dataset file uses, and the aliases accepted for them.</summary>
internal static class ItemFields
{
    public static readonly string[] Id = ["id"];
    public static readonly string[] Query = ["query", "question"];
    public static readonly string[] Reference = ["reference", "answer"];
    public static readonly string[] Contexts = ["contexts", "context"];
    public static readonly string[] RelevantIds = ["relevant_ids", "relevant_doc_ids"];

    private static readonly HashSet<string> Known = new(Id.Concat(Query).Concat(Reference).Concat(Contexts).Concat(RelevantIds), StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns whether a field is one of the item's own rather than an extra field.</summary>
    public static bool IsKnown(string name) => Known.Contains(name);

    /// <summary>Adds an item read at a line, refusing an id seen before.</summary>
    public static void Add(List<EvaluationItem> items, HashSet<string> ids, EvaluationItem item, string path, int line)
    {
        if (!ids.Add(item.Id))
        {
            throw new DatasetFormatException(path, line, $"the id \"{item.Id}\" was used by an earlier item.");
        }

        items.Add(item);
    }

    /// <summary>Returns the first of <paramref name="names"/> present among <paramref name="available"/>, ignoring case.</summary>
    public static string? Find(IEnumerable<string> available, string[] names) =>
        available.FirstOrDefault(a => names.Contains(a, StringComparer.OrdinalIgnoreCase));
}
