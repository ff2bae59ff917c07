using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class SentenceWindowChunkerTests
{
    private static readonly RagDocument Document = new("d", "# Title\n\nFirst one. Second, e.g. with an abbreviation! Third? Fourth.\n- an item\n\nLast paragraph");

    [Fact]
    public void Split_WindowOfOne_OneSentenceEachHeadingsAndItemsIncluded()
    {
        IReadOnlyList<Chunk> chunks = new SentenceWindowChunker(1).Split(Document);

        Assert.Equal(["# Title", "First one.", "Second, e.g. with an abbreviation!", "Third?", "Fourth.", "- an item", "Last paragraph"], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Split_WindowWithOverlap_ConsecutiveChunksShareSentences()
    {
        IReadOnlyList<Chunk> chunks = new SentenceWindowChunker(3, 1).Split(Document);

        Assert.Equal(
            ["# Title First one. Second, e.g. with an abbreviation!", "Second, e.g. with an abbreviation! Third? Fourth.", "Fourth. - an item Last paragraph"],
            chunks.Select(c => c.Text));
    }

    [Fact]
    public void Constructor_OverlapNotBelowWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceWindowChunker(2, 2));
}
