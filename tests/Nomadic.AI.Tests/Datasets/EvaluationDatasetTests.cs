using Nomadic.AI.Datasets;

namespace Nomadic.AI.Tests.Datasets;

public sealed class EvaluationDatasetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nomadic-datasets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_JsonArray_ReadsEveryField()
    {
        string path = Write("qa.json", """
            [
              {"id": "q1", "query": "Capital of France?", "reference": "Paris", "contexts": ["Paris is the capital of France."], "relevant_ids": ["doc-7", 12], "topic": "geography", "difficulty": 2},
              {"question": "2 + 2?", "answer": "4"}
            ]
            """);

        EvaluationDataset dataset = EvaluationDataset.Load(path);

        Assert.Equal("qa", dataset.Name);
        Assert.Equal(2, dataset.Count);
        EvaluationItem first = dataset.Items[0];
        Assert.Equal("q1", first.Id);
        Assert.Equal("Capital of France?", first.Query);
        Assert.Equal("Paris", first.Reference);
        Assert.Equal(["Paris is the capital of France."], first.Contexts);
        Assert.Equal(["doc-7", "12"], first.RelevantDocumentIds);
        Assert.Equal("geography", first.Fields["topic"]);
        Assert.Equal("2", first.Fields["difficulty"]);
        Assert.Equal(new EvaluationItem("2", "2 + 2?") { Reference = "4", Contexts = dataset.Items[1].Contexts, RelevantDocumentIds = dataset.Items[1].RelevantDocumentIds, Fields = dataset.Items[1].Fields }, dataset.Items[1]);
    }

    [Fact]
    public void Load_JsonLines_SkipsBlankLines()
    {
        string path = Write("qa.jsonl", "{\"query\": \"a?\", \"reference\": \"A\"}\n\n{\"id\": 7, \"query\": \"b?\"}\r\n");

        EvaluationDataset dataset = EvaluationDataset.Load(path);

        Assert.Equal(["1", "7"], dataset.Items.Select(i => i.Id));
        Assert.Null(dataset.Items[1].Reference);
    }

    [Fact]
    public void Load_Csv_QuotedFieldsWithCommasQuotesAndLineBreaks()
    {
        string path = Write("qa.csv", "id,query,reference,contexts,relevant_ids,topic\r\n"
            + "q1,\"Who wrote \"\"Hamlet\"\"?\",Shakespeare,\"[\"\"Hamlet is a play, by Shakespeare.\"\"]\",d1|d2,drama\r\n"
            + "q2,\"Two\nlines?\",\"yes, two\",one context,,misc\r\n");

        EvaluationDataset dataset = EvaluationDataset.Load(path);

        Assert.Equal("Who wrote \"Hamlet\"?", dataset.Items[0].Query);
        Assert.Equal(["Hamlet is a play, by Shakespeare."], dataset.Items[0].Contexts);
        Assert.Equal(["d1", "d2"], dataset.Items[0].RelevantDocumentIds);
        Assert.Equal("drama", dataset.Items[0].Fields["topic"]);
        Assert.Equal("Two\nlines?", dataset.Items[1].Query);
        Assert.Equal("yes, two", dataset.Items[1].Reference);
        Assert.Equal(["one context"], dataset.Items[1].Contexts);
        Assert.Empty(dataset.Items[1].RelevantDocumentIds);
    }

    [Theory]
    [InlineData("bad.jsonl", "{\"query\": \"a\"}\n{\"query\": \"b\",}\n", 2, "invalid JSON")]
    [InlineData("bad.jsonl", "{\"query\": \"a\"}\n\n{\"reference\": \"b\"}\n", 3, "no \"query\"")]
    [InlineData("bad.jsonl", "{\"query\": 42}\n", 1, "\"query\" must be a string, found a number")]
    [InlineData("bad.jsonl", "{\"query\": \"a\", \"contexts\": [\"x\", 3]}\n", 1, "\"contexts\" must be an array of strings")]
    [InlineData("bad.jsonl", "[\"query\"]\n", 1, "expected an object")]
    [InlineData("bad.jsonl", "{\"id\": \"x\", \"query\": \"a\"}\n{\"id\": \"x\", \"query\": \"b\"}\n", 2, "id \"x\" was used")]
    [InlineData("bad.json", "[\n  {\"query\": \"a\"},\n  {\"query\": \"b\"}\n  {\"query\": \"c\"}\n]", 4, "invalid JSON")]
    [InlineData("bad.json", "[\n  {\"query\": \"a\"},\n\n  {\"query\": \"\"}\n]", 4, "\"query\" is empty")]
    [InlineData("bad.json", "[\n  {\"query\": \"a\"},\n  {\"query\": \"b\", \"reference\": [1]}\n]", 3, "\"reference\" must be a string")]
    [InlineData("bad.json", "{\"query\": \"a\"}", 1, "expected a JSON array")]
    [InlineData("bad.csv", "id,query\n1,a\n2,b,extra\n", 3, "expected 2 fields as in the header, found 3")]
    [InlineData("bad.csv", "id,query\n1,a\n2\n", 3, "expected 2 fields as in the header, found 1")]
    [InlineData("bad.csv", "id,reference\n1,a\n", 1, "no \"query\" column")]
    [InlineData("bad.csv", "id,query\n1,a\n2,\"open\n3,b\n", 3, "never closed")]
    [InlineData("bad.csv", "id,query\n1,a\"b\n", 2, "quote inside an unquoted field")]
    [InlineData("bad.csv", "id,query\n1,\"a\"b\n", 2, "text after a closing quote")]
    [InlineData("bad.csv", "id,query\n1,\n", 2, "\"query\" is empty")]
    [InlineData("bad.csv", "id,query,query\n1,a,b\n", 1, "names \"query\" twice")]
    [InlineData("bad.csv", "query,contexts\na,[broken\n", 2, "not a JSON array")]
    public void Load_MalformedRow_OneLineErrorNamingFileAndLine(string name, string content, int line, string problem)
    {
        string path = Write(name, content);

        var error = Assert.Throws<DatasetFormatException>(() => EvaluationDataset.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"{path}, line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_SaysSo()
    {
        string path = Write("empty.jsonl", "\n\n");

        var error = Assert.Throws<DatasetFormatException>(() => EvaluationDataset.Load(path));

        Assert.Equal($"{path}: the file holds no items.", error.Message);
    }

    [Fact]
    public void Load_UnknownExtension_Throws()
    {
        Assert.Throws<NotSupportedException>(() => EvaluationDataset.Load(Write("qa.txt", "query\na\n")));
    }

    [Fact]
    public void Constructor_DuplicateIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EvaluationDataset([new EvaluationItem("1", "a"), new EvaluationItem("1", "b")]));
        Assert.Throws<ArgumentException>(() => new EvaluationDataset([]));
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
