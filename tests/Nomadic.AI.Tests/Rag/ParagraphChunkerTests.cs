using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class ParagraphChunkerTests
{
    [Fact]
    public void Split_JoinsHeadingsToTheirParagraph()
    {
        var document = new RagDocument("d", "# Title\n\nFirst paragraph,\nstill first.\n\n\n## Section\n\nSecond paragraph.\n\nThird.");

        IReadOnlyList<Chunk> chunks = new ParagraphChunker().Split(document);

        Assert.Equal(["# Title\nFirst paragraph,\nstill first.", "## Section\nSecond paragraph.", "Third."], chunks.Select(c => c.Text));
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Index));
    }

    [Fact]
    public void Split_TrailingHeading_IsKeptAsAChunk() =>
        Assert.Equal(["Text.", "# End"], new ParagraphChunker().Split(new RagDocument("d", "Text.\n\n# End")).Select(c => c.Text));
}
