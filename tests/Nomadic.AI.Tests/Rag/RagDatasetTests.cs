using Nomadic.AI.Rag;
using Nomadic.AI.Tests.Support;

namespace Nomadic.AI.Tests.Rag;

public sealed class RagDatasetTests
{
    [Fact]
    public void Load_ShippedExample_ReadsDocumentsAndQuestions()
    {
        RagDataset dataset = RagDataset.Load(Path.Combine(Repository.Example("rag"), "corpus"), Path.Combine(Repository.Example("rag"), "questions.jsonl"));

        Assert.InRange(dataset.Documents.Count, 30, 60);
        Assert.InRange(dataset.Questions.Count, 40, 120);
        Assert.Contains(dataset.Documents, d => d.Id == "bus-network");
    }

    [Fact]
    public void Load_UnknownDocument_NamesTheQuestion()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.md"), "Text.");
            File.WriteAllText(Path.Combine(folder, "q.jsonl"), "{\"id\": \"q1\", \"question\": \"?\", \"answer\": \"x\", \"relevant_documents\": [\"b\"]}\n");

            InvalidDataException e = Assert.Throws<InvalidDataException>(() => RagDataset.Load(folder, Path.Combine(folder, "q.jsonl")));

            Assert.Contains("Question \"q1\" names document \"b\", which is not in the corpus", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Load_MalformedLine_NamesTheLine()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.md"), "Text.");
            File.WriteAllText(Path.Combine(folder, "q.jsonl"), "\n{\"id\": \"q1\", \"question\": 3}\n");

            InvalidDataException e = Assert.Throws<InvalidDataException>(() => RagDataset.Load(folder, Path.Combine(folder, "q.jsonl")));

            Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
