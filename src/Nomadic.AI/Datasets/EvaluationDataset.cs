namespace Nomadic.AI.Datasets;

/// <summary>The items an LLM or RAG system is evaluated on, loaded from JSON, JSON lines or CSV.</summary>
/// <remarks>
/// Each item has a <c>query</c> (or <c>question</c>), and optionally an <c>id</c>, a <c>reference</c> (or
/// <c>answer</c>), <c>contexts</c> and <c>relevant_ids</c>; other fields are kept in <see cref="EvaluationItem.Fields"/>.
/// Item ids are unique.
/// </remarks>
public sealed class EvaluationDataset
{
    /// <summary>Initializes a new instance of the <see cref="EvaluationDataset"/> class.</summary>
    /// <param name="items">The items, in order.</param>
    /// <param name="name">The dataset's name.</param>
    /// <exception cref="ArgumentException">The list is empty or two items share an id.</exception>
    public EvaluationDataset(IEnumerable<EvaluationItem> items, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
        Name = name;
        if (Items.Count == 0)
        {
            throw new ArgumentException("A dataset needs at least one item.", nameof(items));
        }

        string? duplicate = Items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two items have the id \"{duplicate}\".", nameof(items));
        }
    }

    /// <summary>Gets the dataset's name (the file name without extension when loaded from a file).</summary>
    public string? Name { get; }

    /// <summary>Gets the items, in order.</summary>
    public IReadOnlyList<EvaluationItem> Items { get; }

    /// <summary>Gets the number of items.</summary>
    public int Count => Items.Count;

    /// <summary>Loads a dataset, choosing the format by the file's extension: <c>.json</c>, <c>.jsonl</c> / <c>.ndjson</c>, or <c>.csv</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetFormatException">The file is malformed; the message names the file and line.</exception>
    /// <exception cref="NotSupportedException">The extension is none of these.</exception>
    public static EvaluationDataset Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => LoadJson(path),
            ".jsonl" or ".ndjson" => LoadJsonLines(path),
            ".csv" => LoadCsv(path),
            string other => throw new NotSupportedException($"{path}: unknown dataset format \"{other}\"; use .json, .jsonl or .csv."),
        };
    }

    /// <summary>Loads a dataset from a JSON array of item objects.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetFormatException">The file is malformed; the message names the file and line.</exception>
    public static EvaluationDataset LoadJson(string path) => Create(JsonDatasetReader.ReadArray(File.ReadAllBytes(path), path), path);

    /// <summary>Loads a dataset from JSON lines: one item object per line, blank lines ignored.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetFormatException">The file is malformed; the message names the file and line.</exception>
    public static EvaluationDataset LoadJsonLines(string path) => Create(JsonDatasetReader.ReadLines(File.ReadAllText(path), path), path);

    /// <summary>
    /// Loads a dataset from CSV with a header row; fields may be quoted (RFC 4180), and <c>contexts</c> and
    /// <c>relevant_ids</c> hold a JSON array of strings or values separated by <c>|</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetFormatException">The file is malformed; the message names the file and line.</exception>
    public static EvaluationDataset LoadCsv(string path) => Create(CsvDatasetReader.Read(File.ReadAllText(path), path), path);

    private static EvaluationDataset Create(List<EvaluationItem> items, string path)
    {
        if (items.Count == 0)
        {
            throw new DatasetFormatException(path, 0, "the file holds no items.");
        }

        try
        {
            return new EvaluationDataset(items, Path.GetFileNameWithoutExtension(path));
        }
        catch (ArgumentException e)
        {
            throw new DatasetFormatException(path, 0, e.Message.Split(" (Parameter", 2)[0], e);
        }
    }
}
