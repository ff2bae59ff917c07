using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class FixedSizeChunkerTests
{
    private static readonly RagDocument TenWords = new("d", "one two three four five six seven eight nine ten");

    [Fact]
    public void Split_WordsWithOverlap_SharesTheOverlapAndEndsShort()
    {
        IReadOnlyList<Chunk> chunks = new FixedSizeChunker(4, 1).Split(TenWords);

        Assert.Equal(["one two three four", "four five six seven", "seven eight nine ten"], chunks.Select(c => c.Text));
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Index));
        Assert.All(chunks, c => Assert.Equal("d", c.DocumentId));
    }

    [Fact]
    public void Split_WordsWithoutOverlap_LastChunkHoldsTheRest()
    {
        IReadOnlyList<Chunk> chunks = new FixedSizeChunker(4).Split(TenWords);

        Assert.Equal(["one two three four", "five six seven eight", "nine ten"], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Split_Characters_BreaksAtWhiteSpaceWithinTheSize()
    {
        IReadOnlyList<Chunk> chunks = new FixedSizeChunker(12, 0, ChunkUnit.Characters).Split(new RagDocument("d", "alpha beta gamma delta"));

        Assert.Equal(["alpha beta", "gamma delta"], chunks.Select(c => c.Text));
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 12));
    }

    [Fact]
    public void Split_CharactersWithOverlap_RepeatsTheTailOfThePreviousChunk()
    {
        IReadOnlyList<Chunk> chunks = new FixedSizeChunker(11, 5, ChunkUnit.Characters).Split(new RagDocument("d", "aaaa bbbb cccc dddd"));

        Assert.Equal(["aaaa bbbb", "bbbb cccc", "cccc dddd"], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Split_BlankDocument_ReturnsNoChunk() =>
        Assert.Empty(new FixedSizeChunker(5).Split(new RagDocument("d", "  \n ")));

    [Fact]
    public void Constructor_OverlapNotBelowSize_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedSizeChunker(5, 5));

    [Fact]
    public void Key_DiffersBySettings() =>
        Assert.NotEqual(new FixedSizeChunker(5, 1).Key, new FixedSizeChunker(5, 2).Key);
}
