using System.Text.Json;

namespace Nomadic.AI.Rag;

/// <summary>A retrieval evaluation set: a corpus of documents and questions with reference answers and relevant documents.</summary>
public sealed class RagDataset
{
    /// <summary>Initializes a new instance of the <see cref="RagDataset"/> class.</summary>
    /// <param name="documents">The corpus; identifiers unique.</param>
    /// <param name="questions">The questions; identifiers unique, each naming at least one relevant document of the corpus.</param>
    /// <exception cref="ArgumentException">The corpus or the questions are empty, an identifier repeats, or a question names an unknown document.</exception>
    public RagDataset(IReadOnlyList<RagDocument> documents, IReadOnlyList<RagQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(questions);
        if (documents.Count == 0 || questions.Count == 0)
        {
            throw new ArgumentException(documents.Count == 0 ? "The corpus has no document." : "The dataset has no question.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (RagDocument document in documents)
        {
            if (!ids.Add(document.Id))
            {
                throw new ArgumentException($"Document id \"{document.Id}\" repeats.", nameof(documents));
            }
        }

        var questionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (RagQuestion question in questions)
        {
            if (!questionIds.Add(question.Id))
            {
                throw new ArgumentException($"Question id \"{question.Id}\" repeats.", nameof(questions));
            }

            if (question.RelevantDocumentIds.Count == 0)
            {
                throw new ArgumentException($"Question \"{question.Id}\" names no relevant document.", nameof(questions));
            }

            if (question.RelevantDocumentIds.FirstOrDefault(d => !ids.Contains(d)) is string unknown)
            {
                throw new ArgumentException($"Question \"{question.Id}\" names document \"{unknown}\", which is not in the corpus.", nameof(questions));
            }
        }

        Documents = documents;
        Questions = questions;
    }

    /// <summary>Gets the corpus.</summary>
    public IReadOnlyList<RagDocument> Documents { get; }

    /// <summary>Gets the questions, in file order.</summary>
    public IReadOnlyList<RagQuestion> Questions { get; }

    /// <summary>
    /// Reads a corpus folder (every <c>*.md</c> and <c>*.txt</c> file, not recursive, one document each, its id the file
    /// name without extension) and a JSON Lines file of questions, one object a line:
    /// <c>{"id": "q1", "question": "...", "answer": "...", "relevant_documents": ["doc-a"]}</c> (blank lines skipped).
    /// </summary>
    /// <param name="corpusFolder">The corpus folder.</param>
    /// <param name="questionsFile">The questions file.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The questions file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is not a question, or the dataset is inconsistent; the message names the line.</exception>
    public static RagDataset Load(string corpusFolder, string questionsFile)
    {
        ArgumentNullException.ThrowIfNull(corpusFolder);
        ArgumentNullException.ThrowIfNull(questionsFile);
        if (!Directory.Exists(corpusFolder))
        {
            throw new DirectoryNotFoundException($"The corpus folder \"{corpusFolder}\" does not exist.");
        }

        if (!File.Exists(questionsFile))
        {
            throw new FileNotFoundException($"The questions file \"{questionsFile}\" does not exist.", questionsFile);
        }

        List<RagDocument> documents = Directory.EnumerateFiles(corpusFolder)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new RagDocument(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal)))
            .ToList();
        List<RagQuestion> questions = File.ReadLines(questionsFile)
            .Select((line, i) => (Line: line, Number: i + 1))
            .Where(l => l.Line.Trim().Length > 0)
            .Select(l => ReadQuestion(questionsFile, l.Line, l.Number))
            .ToList();
        try
        {
            return new RagDataset(documents, questions);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{questionsFile}: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }

    /// <summary>A dataset with the same corpus and only the first questions (for quick experiments and tests).</summary>
    /// <param name="count">How many questions to keep; at least 1.</param>
    /// <returns>The smaller dataset.</returns>
    public RagDataset WithFirstQuestions(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new RagDataset(Documents, Questions.Take(count).ToList());
    }

    private static RagQuestion ReadQuestion(string file, string line, int number)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            string Text(string name) => root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()! : throw new InvalidDataException($"\"{name}\" must be a string");
            List<string> relevant = root.TryGetProperty("relevant_documents", out JsonElement list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new InvalidDataException("\"relevant_documents\" must hold strings")).ToList()
                : throw new InvalidDataException("\"relevant_documents\" must be a list of document ids");
            return new RagQuestion(Text("id"), Text("question"), Text("answer"), relevant);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException)
        {
            throw new InvalidDataException($"{file}, line {number}: {e.Message}", e);
        }
    }
}
