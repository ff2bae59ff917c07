using Nomadic.AI.Rag;

namespace Nomadic.AI.Tests.Rag;

public sealed class Bm25RetrieverTests
{
    // Tokens: c0 [apple, banana], c1 [apple, apple, cherry], c2 [banana, date]; N = 3, average length 7/3.
    private static readonly Chunk[] Chunks =
    [
        new("a", 0, "The apple and a banana."),
        new("b", 0, "Apples, apples and cherries!"),
        new("c", 0, "Bananas with dates"),
    ];

    [Fact]
    public void Score_MatchesHandComputedOkapiScores()
    {
        double[] apple = new Bm25Retriever(Chunks).Score("apple");
        double[] cherry = new Bm25Retriever(Chunks).Score("Cherry");

        // idf(apple) = ln(1 + 1.5 / 2.5); c0: tf 1, |c| 2: 0.470004 · 2.2 / (1 + 1.2 · (0.25 + 0.75 · 2 / (7/3))).
        Assert.Equal(0.4991762683, apple[0], 9);
        Assert.Equal(0.5981864372, apple[1], 9);
        Assert.Equal(0, apple[2]);
        Assert.Equal(0.8781843312, cherry[1], 9);
    }

    [Fact]
    public async Task RetrieveAsync_SumsTermsAndRanksBestFirst()
    {
        IReadOnlyList<ScoredChunk> top = await new Bm25Retriever(Chunks).RetrieveAsync("apple cherry", 2, CancellationToken.None);

        Assert.Equal(["b", "a"], top.Select(c => c.Chunk.DocumentId));
        Assert.Equal(1.4763707684, top[0].Score, 9);
    }

    [Fact]
    public void Score_NoLengthNormalization_IgnoresChunkLength()
    {
        double[] scores = new Bm25Retriever(Chunks, new Bm25Options { B = 0 }).Score("banana");

        Assert.Equal(scores[0], scores[2], 12);
    }

    [Fact]
    public void Constructor_BOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bm25Retriever(Chunks, new Bm25Options { B = 1.5 }));

    [Theory]
    [InlineData("libraries", "library")]
    [InlineData("permits", "permit")]
    [InlineData("glass", "glass")]
    [InlineData("bus", "bus")]
    [InlineData("shoes", "shoe")]
    public void Stem_ReducesPluralsOnly(string word, string stem) => Assert.Equal(stem, TextTokenizer.Stem(word));
}
